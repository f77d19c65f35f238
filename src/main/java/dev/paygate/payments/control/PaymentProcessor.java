package dev.paygate.payments.control;

import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The emulated acquirer. A payment goes to processing at once; the acquirer's answer comes after
 * the configured delay, from a timer rather than a sleeping thread, so any number of payments can
 * be in flight. Each step is idempotent: it only acts on the status it expects.
 */
@Stateless
public class PaymentProcessor {

    @PersistenceContext
    EntityManager em;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "paygate.processing.delay.ms", defaultValue = "300")
    long delayMs;

    @Asynchronous
    public void process(String paymentId) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null || payment.status() != PaymentStatus.PENDING) {
            return;
        }
        em.persist(payment.startProcessing(Instant.now()));
        if (delayMs <= 0) {
            em.persist(payment.settle(Instant.now()));
        } else {
            timers.createSingleActionTimer(delayMs, new TimerConfig(paymentId, false));
        }
    }

    @Timeout
    void answer(Timer timer) {
        settle((String) timer.getInfo());
    }

    void settle(String paymentId) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment != null && payment.status() == PaymentStatus.PROCESSING) {
            em.persist(payment.settle(Instant.now()));
        }
    }
}
