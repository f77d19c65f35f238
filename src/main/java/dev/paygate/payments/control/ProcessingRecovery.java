package dev.paygate.payments.control;

import dev.paygate.payments.entity.PaymentMethod;
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
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The acquirer's scheduled steps live in memory. Payments left pending or processing by a restart,
 * by a step that failed, or by another instance on the same database that died, are picked up
 * again: at start-up all of them, and then any instance takes over a payment whose next step is
 * overdue by the recovery bound ({@code paygate.processing.recovery.after.seconds}) at the latest.
 * A step taken over keeps the time it was due at, so an overdue one runs at once and the payment
 * is final within the bound of its answer falling due.
 * Taking over is safe while the owner is alive: every step locks its payment and acts only on the
 * status it expects, so a step run twice changes nothing.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "AcquirerClock"})
public class ProcessingRecovery {

    private static final Logger LOG = Logger.getLogger(ProcessingRecovery.class.getName());
    private static final int BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    PaymentProcessor processor;

    @Inject
    @ConfigProperty(name = "paygate.processing.recovery.after.seconds", defaultValue = "30")
    long recoveryAfterSeconds;

    @Inject
    @ConfigProperty(name = PaymentProcessor.QUEUE_DELAY_MS, defaultValue = PaymentProcessor.QUEUE_DELAY_MS_DEFAULT)
    long queueDelayMs;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    SessionContext context;

    private ScheduledFuture<?> checks;

    @PostConstruct
    void resumeAll() {
        resume(PaymentStatus.PENDING, Instant.now(), null);
        resume(PaymentStatus.PROCESSING, Instant.now(), null);
        ProcessingRecovery self = context.getBusinessObject(ProcessingRecovery.class);
        checks = Periodic.every(
                scheduler, Periodic.checkPeriod(bound()), "Resuming overdue payments", self::resumeOverdue);
    }

    @PreDestroy
    void stop() {
        checks.cancel(false);
    }

    /** Called through the container, so that it runs in a transaction of its own. */
    public void resumeOverdue() {
        Instant lastDue = Instant.now().minus(Periodic.overdueWhenTaken(bound()));
        // A pending payment is due for its pick-up the queue delay after it was created, a
        // processing one for its answer the two delays after (a bank transfer: the queue delay and
        // its clearing), so each method is looked for with its own.
        resume(PaymentStatus.PENDING, lastDue.minusMillis(queueDelayMs), null);
        for (PaymentMethod method : PaymentMethod.values()) {
            resume(PaymentStatus.PROCESSING, lastDue.minus(processor.expectedDuration(method)), method);
        }
    }

    private Duration bound() {
        return Duration.ofSeconds(Math.max(1, recoveryAfterSeconds));
    }

    /** Resumes the payments of {@code status} created before {@code createdBefore}, of {@code method} (null: any). */
    private void resume(PaymentStatus status, Instant createdBefore, PaymentMethod method) {
        TypedQuery<Object[]> query = em.createQuery(
                        "SELECT p.id, p.createdAt, p.paymentMethod FROM Payment p "
                                + "WHERE p.status = :status AND p.createdAt < :before"
                                + (method == null ? "" : " AND p.paymentMethod = :method"),
                        Object[].class)
                .setParameter("status", status)
                .setParameter("before", createdBefore);
        if (method != null) {
            query.setParameter("method", method);
        }
        List<Object[]> unfinished = query.setMaxResults(BATCH).getResultList();
        if (!unfinished.isEmpty()) {
            LOG.info(() -> "Resuming " + unfinished.size() + " unfinished "
                    + status.name().toLowerCase(Locale.ROOT) + " payments");
        }
        unfinished.forEach(row -> processor.resume((String) row[0], status, (Instant) row[1], (PaymentMethod) row[2]));
    }
}
