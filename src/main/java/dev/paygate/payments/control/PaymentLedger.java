package dev.paygate.payments.control;

import dev.paygate.payments.entity.Payment;
import dev.paygate.problems.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What other components may ask of a payment, so that only payments changes one. Refunds read a
 * payment under its row lock and report the refunds the acquirer accepted; the payment records
 * each as its own transaction.
 */
@Stateless
public class PaymentLedger {

    @PersistenceContext
    EntityManager em;

    @Inject
    PaymentTransitions transitions;

    /** Whether the payment exists and the merchant {@code scope} may see it (null: any merchant). */
    public boolean visibleTo(String scope, String paymentId) {
        Payment payment = em.find(Payment.class, paymentId);
        return payment != null && payment.visibleTo(scope);
    }

    /**
     * The payment under its row lock, for a change to its refunds: every such change holds the lock
     * first, so that concurrent refunds of one payment take turns and never exceed it together.
     * Another merchant's payment is answered exactly as one that does not exist.
     */
    public Payment lockForRefunds(String scope, String paymentId) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null || !payment.visibleTo(scope)) {
            throw new ResourceNotFound("payment", paymentId);
        }
        return payment;
    }

    /** The acquirer refused a refund of {@code amount} for {@code reason}: the payment records that. */
    public void refundRefused(String paymentId, BigDecimal amount, String reason, Instant now) {
        transitions.refundRefused(lockForRefunds(null, paymentId), amount, reason, now);
    }

    /** The acquirer accepted a refund of {@code amount}: the payment records it. */
    public void refunded(String paymentId, BigDecimal amount, Instant now) {
        transitions.refund(lockForRefunds(null, paymentId), amount, now);
    }
}
