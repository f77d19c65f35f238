package dev.paygate.refunds.control;

import dev.paygate.payments.control.PaymentLedger;
import dev.paygate.payments.entity.Payment;
import dev.paygate.refunds.entity.Refund;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The acquirer's answer to a refund: it succeeds and the payment records it, or, for a payment
 * whose card refuses refunds, it fails, the payment records the refusal and the amount is
 * refundable again.
 */
@Stateless
public class RefundSettlement {

    @PersistenceContext
    EntityManager em;

    @Inject
    PaymentLedger ledger;

    @Inject
    RefundTransitions transitions;

    /** Idempotent: a refund that is no longer pending is left as it is. */
    public void settle(String refundId) {
        Refund refund = em.find(Refund.class, refundId);
        if (refund == null) {
            throw new IllegalStateException("no refund " + refundId);
        }
        // Every change to a payment's refunds holds the payment's lock first; then re-read the refund.
        Payment payment = ledger.lockForRefunds(null, refund.paymentId());
        em.refresh(refund);
        if (!refund.isPending()) {
            return;
        }
        Instant now = Instant.now();
        String refused = payment.scenario().refundFailureReason();
        if (refused != null) {
            transitions.fail(refund, payment.merchantId(), refused, now);
            ledger.refundRefused(refund.paymentId(), refund.amount(), refused, now);
            return;
        }
        transitions.succeed(refund, payment.merchantId(), now);
        ledger.refunded(refund.paymentId(), refund.amount(), now);
    }
}
