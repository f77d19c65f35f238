package dev.paygate.payments.control;

import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentMethod;
import dev.paygate.payments.entity.PaymentStatus;
import java.time.Instant;

/**
 * A payment's status changed; fired inside the changing transaction, so an observer that must act
 * only on committed changes observes it {@code during = AFTER_SUCCESS}. {@code from} and
 * {@code before} (what the merchant saw before the step) are null when the payment has just been
 * accepted. {@code failureCode} is the payment's, null unless it failed.
 * {@code payment} is the entity itself, for observers inside the transaction (the event outbox);
 * after it, read the other fields, which do not change.
 */
public record PaymentChanged(
        String paymentId,
        String merchantId,
        PaymentStatus from,
        PaymentStatus to,
        Instant at,
        PaymentMethod method,
        String failureCode,
        Instant createdAt,
        Payment.Seen before,
        Payment payment) {

    /** {@code payment} as it is now, having been {@code before} until {@code at}. */
    static PaymentChanged of(Payment payment, Payment.Seen before, Instant at) {
        return new PaymentChanged(
                payment.id(),
                payment.merchantId(),
                before == null ? null : before.status(),
                payment.status(),
                at,
                payment.paymentMethod(),
                payment.failureCode(),
                payment.createdAt(),
                before,
                payment);
    }
}
