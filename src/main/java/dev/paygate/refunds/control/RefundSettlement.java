package dev.paygate.refunds.control;

import dev.paygate.payments.control.PaymentLedger;
import dev.paygate.payments.entity.Payment;
import dev.paygate.refunds.entity.Refund;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** The acquirer's answer to a refund: the refund succeeds and the payment records it. */
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
        transitions.succeed(refund, payment.merchantId(), now);
        ledger.refunded(refund.paymentId(), refund.amount(), now);
    }
}
