package dev.paygate.payments.control;

import dev.paygate.payments.entity.PaymentStatus;
import dev.paygate.platform.Periodic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

/**
 * The acquirer's scheduled steps live in memory. Payments left pending or processing by a restart,
 * or by a step that failed, are picked up again: at start-up all of them, and then every minute
 * those that have waited well past their delays. No accepted payment waits forever.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "AcquirerClock"})
public class ProcessingRecovery {

    private static final Logger LOG = Logger.getLogger(ProcessingRecovery.class.getName());
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration CHECK_EVERY = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    PaymentProcessor processor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    SessionContext context;

    private ScheduledFuture<?> checks;

    @PostConstruct
    void resumeAll() {
        resumeUpdatedBefore(Instant.now());
        ProcessingRecovery self = context.getBusinessObject(ProcessingRecovery.class);
        checks = Periodic.every(scheduler, CHECK_EVERY, "Resuming stuck payments", self::resumeStuck);
    }

    @PreDestroy
    void stop() {
        checks.cancel(false);
    }

    /** Called every minute through the container, so that it runs in a transaction of its own. */
    public void resumeStuck() {
        resumeUpdatedBefore(Instant.now().minus(processor.expectedDuration()).minus(GRACE));
    }

    private void resumeUpdatedBefore(Instant before) {
        List<Object[]> unfinished = em.createQuery("SELECT p.id, p.status FROM Payment p "
                + "WHERE p.status IN :open AND p.updatedAt < :before", Object[].class)
                .setParameter("open", EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PROCESSING))
                .setParameter("before", before)
                .setMaxResults(1000)
                .getResultList();
        if (!unfinished.isEmpty()) {
            LOG.info(() -> "Resuming " + unfinished.size() + " unfinished payments");
        }
        unfinished.forEach(row -> processor.resume((String) row[0], (PaymentStatus) row[1]));
    }
}
