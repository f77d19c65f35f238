package dev.paygate.payments.control;

import dev.paygate.payments.entity.PaymentStatus;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Logger;

/**
 * The acquirer's timers live in memory. After a restart, payments that were still pending or
 * processing are picked up again, so none is left waiting forever.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class ProcessingRecovery {

    private static final Logger LOG = Logger.getLogger(ProcessingRecovery.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PaymentProcessor processor;

    @PostConstruct
    void resumeUnfinished() {
        List<Object[]> unfinished = em.createQuery("SELECT p.id, p.status FROM Payment p WHERE p.status IN :open",
                Object[].class)
                .setParameter("open", EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PROCESSING))
                .getResultList();
        if (!unfinished.isEmpty()) {
            LOG.info(() -> "Resuming " + unfinished.size() + " unfinished payments");
        }
        unfinished.forEach(row -> processor.resume((String) row[0], (PaymentStatus) row[1]));
    }
}
