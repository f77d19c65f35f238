package dev.paygate.refunds.control;

import dev.paygate.refunds.entity.Refund;
import dev.paygate.refunds.entity.RefundStatus;
import java.time.Instant;

/**
 * A refund's status changed; fired inside the changing transaction, so an observer that must act
 * only on committed changes observes it {@code during = AFTER_SUCCESS}. {@code from} is null when
 * the refund has just been accepted. {@code refund} is the entity itself, for observers inside the
 * transaction (the event outbox).
 */
public record RefundChanged(
        String refundId,
        String paymentId,
        String merchantId,
        RefundStatus from,
        RefundStatus to,
        Instant at,
        Refund refund) {

    static RefundChanged of(Refund refund, String merchantId, RefundStatus from, Instant at) {
        return new RefundChanged(refund.id(), refund.paymentId(), merchantId, from, refund.status(), at, refund);
    }
}
