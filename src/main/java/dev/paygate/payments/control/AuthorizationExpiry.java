package dev.paygate.payments.control;

import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentStatus;
import dev.paygate.platform.Periodic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cancels, as {@code expired}, every authorisation not captured before its {@code capture_before}.
 * It looks a few times per validity, at most once a minute and at least once a second, so an
 * authorisation expires within about a third of its validity (a minute at most) of its time. Each
 * payment is expired in a transaction of its own, locked, and only if it is still authorised and
 * due then: a capture that got the lock first wins, and instances sharing a database never expire
 * one twice.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuthorizationExpiry {

    private static final Logger LOG = Logger.getLogger(AuthorizationExpiry.class.getName());
    private static final int BATCH = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    PaymentTransitions transitions;

    @Inject
    @ConfigProperty(name = "paygate.authorization.validity.seconds", defaultValue = "604800")
    long validitySeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    SessionContext context;

    private ScheduledFuture<?> checks;

    @PostConstruct
    void start() {
        AuthorizationExpiry self = context.getBusinessObject(AuthorizationExpiry.class);
        Duration period = Periodic.checkPeriod(Duration.ofSeconds(Math.max(1, validitySeconds)));
        if (period.compareTo(Duration.ofMinutes(1)) > 0) {
            period = Duration.ofMinutes(1);
        }
        checks = Periodic.every(scheduler, period, "Expiring authorisations", self::expireDue);
    }

    @PreDestroy
    void stop() {
        checks.cancel(false);
    }

    /** Called through the container; each payment is then expired in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void expireDue() {
        AuthorizationExpiry self = context.getBusinessObject(AuthorizationExpiry.class);
        List<String> due = em.createQuery(
                        "SELECT p.id FROM Payment p WHERE p.status = :status AND p.captureBefore <= :now"
                                + " ORDER BY p.captureBefore",
                        String.class)
                .setParameter("status", PaymentStatus.AUTHORIZED)
                .setParameter("now", Instant.now())
                .setMaxResults(BATCH)
                .getResultList();
        for (String id : due) {
            try {
                self.expire(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Could not expire the authorisation of payment " + id);
            }
        }
    }

    public void expire(String paymentId) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        if (payment != null && payment.status() == PaymentStatus.AUTHORIZED && !now.isBefore(payment.captureBefore())) {
            transitions.expire(payment, now);
        }
    }
}
