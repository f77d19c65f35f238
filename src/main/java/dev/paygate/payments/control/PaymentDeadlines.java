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
 * The payments' deadlines: an authorisation not captured before its {@code capture_before} is
 * cancelled as {@code expired}; a payment whose customer has not answered the hosted page by its
 * {@code action_expires_at} fails as {@code authentication_timeout}. It looks a few times per the
 * shorter of the two times, at most once a minute and at least once a second, so a deadline is
 * acted on within about a third of its time (a minute at most). Each payment is handled in a
 * transaction of its own, locked, and only if it is still waiting and due then: a capture or an
 * answer that got the lock first wins, and instances sharing a database never act on one twice.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PaymentDeadlines {

    private static final Logger LOG = Logger.getLogger(PaymentDeadlines.class.getName());
    private static final int BATCH = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    PaymentTransitions transitions;

    @Inject
    @ConfigProperty(name = "paygate.authorization.validity.seconds", defaultValue = "604800")
    long validitySeconds;

    @Inject
    @ConfigProperty(name = "paygate.authentication.timeout.seconds", defaultValue = "900")
    long authenticationTimeoutSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    SessionContext context;

    private ScheduledFuture<?> checks;

    @PostConstruct
    void start() {
        PaymentDeadlines self = context.getBusinessObject(PaymentDeadlines.class);
        long shortest = Math.max(1, Math.min(validitySeconds, authenticationTimeoutSeconds));
        Duration period = Periodic.checkPeriod(Duration.ofSeconds(shortest));
        if (period.compareTo(Duration.ofMinutes(1)) > 0) {
            period = Duration.ofMinutes(1);
        }
        checks = Periodic.every(scheduler, period, "Acting on payment deadlines", self::actOnDue);
    }

    @PreDestroy
    void stop() {
        checks.cancel(false);
    }

    /** Called through the container; each payment is then handled in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void actOnDue() {
        PaymentDeadlines self = context.getBusinessObject(PaymentDeadlines.class);
        Instant now = Instant.now();
        for (String id : due("p.captureBefore", PaymentStatus.AUTHORIZED, now)) {
            handle(id, "expire the authorisation of", () -> self.expireAuthorization(id));
        }
        for (String id : due("p.actionExpiresAt", PaymentStatus.REQUIRES_ACTION, now)) {
            handle(id, "time out the customer's action on", () -> self.expireAction(id));
        }
    }

    private List<String> due(String deadline, PaymentStatus status, Instant now) {
        return em.createQuery(
                        "SELECT p.id FROM Payment p WHERE p.status = :status AND " + deadline + " <= :now"
                                + " ORDER BY " + deadline,
                        String.class)
                .setParameter("status", status)
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .getResultList();
    }

    private static void handle(String id, String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Could not " + what + " payment " + id);
        }
    }

    public void expireAuthorization(String paymentId) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        if (payment != null && payment.status() == PaymentStatus.AUTHORIZED && !now.isBefore(payment.captureBefore())) {
            transitions.expire(payment, now);
        }
    }

    public void expireAction(String paymentId) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        if (payment != null
                && payment.status() == PaymentStatus.REQUIRES_ACTION
                && !now.isBefore(payment.actionExpiresAt())) {
            transitions.expireAction(payment, now);
        }
    }
}
