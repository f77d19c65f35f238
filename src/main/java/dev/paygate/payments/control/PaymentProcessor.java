package dev.paygate.payments.control;

import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The emulated acquirer. An accepted payment waits in the acquirer's queue (pending) for the queue
 * delay, is then processing for the processing delay, and gets its answer. The answer is due the
 * two delays after the payment was created (the queue delay runs from the hand-off that follows
 * the accepting commit), so the time the pick-up itself takes (a hand-off to the asynchronous pool
 * and a transaction) does not add to them. The waits are
 * scheduled tasks ({@link AcquirerClock}), not sleeping threads, so any number of payments can be
 * in flight; EJB timers are not used because their granularity on Payara is a whole second. Each step is idempotent: it acts
 * only on the status it expects, so running one twice changes nothing.
 */
@Stateless
public class PaymentProcessor {

    @PersistenceContext
    EntityManager em;

    @Inject
    AcquirerClock clock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "paygate.processing.queue.delay.ms", defaultValue = "0")
    long queueDelayMs;

    @Inject
    @ConfigProperty(name = "paygate.processing.delay.ms", defaultValue = "300")
    long processingDelayMs;

    /** How long a payment takes from accepted to answered when nothing goes wrong. */
    public Duration expectedDuration() {
        return Duration.ofMillis(queueDelayMs + processingDelayMs);
    }

    /** Picks up an accepted payment; called after the accepting transaction committed. */
    @Asynchronous
    public void process(String paymentId) {
        if (queueDelayMs > 0) {
            afterCommit(Instant.now().plusMillis(queueDelayMs), paymentId, true);
        } else {
            start(paymentId);
        }
    }

    /** Picks a payment up again where it stopped, as after a restart. */
    @Asynchronous
    public void resume(String paymentId, PaymentStatus status) {
        if (status == PaymentStatus.PENDING) {
            process(paymentId);
        } else if (status == PaymentStatus.PROCESSING) {
            afterCommit(Instant.now().plusMillis(processingDelayMs), paymentId, false);
        }
    }

    /** Runs the acquirer's pick-up on the asynchronous pool, not on the scheduler's thread. */
    @Asynchronous
    public void pickUp(String paymentId) {
        start(paymentId);
    }

    /** Runs the acquirer's answer on the asynchronous pool, not on the scheduler's thread. */
    @Asynchronous
    public void respond(String paymentId) {
        answer(paymentId);
    }

    private void start(String paymentId) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null || payment.status() != PaymentStatus.PENDING) {
            return;
        }
        em.persist(payment.startProcessing(Instant.now()));
        if (processingDelayMs > 0) {
            afterCommit(payment.createdAt().plusMillis(queueDelayMs + processingDelayMs), paymentId, false);
        } else {
            em.persist(payment.settle(Instant.now()));
        }
    }

    private void answer(String paymentId) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment != null && payment.status() == PaymentStatus.PROCESSING) {
            em.persist(payment.settle(Instant.now()));
        }
    }

    /**
     * Schedules the next step for {@code due} (at once when that has passed) once the current
     * transaction has committed, so a step never runs ahead of the state it depends on, and a
     * rolled-back step schedules nothing.
     */
    private void afterCommit(Instant due, String paymentId, boolean start) {
        PaymentProcessor self = context.getBusinessObject(PaymentProcessor.class);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    clock.after(millisUntil(due), () -> {
                        if (start) {
                            self.pickUp(paymentId);
                        } else {
                            self.respond(paymentId);
                        }
                    });
                }
            }
        });
    }

    /** Whole milliseconds from now until {@code due}, rounded up so a step never runs early; 0 when past. */
    static long millisUntil(Instant due) {
        long nanos = Duration.between(Instant.now(), due).toNanos();
        return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
    }
}
