package dev.paygate.payments.control;

import dev.paygate.payments.entity.PaymentStatus;
import java.time.Instant;

/**
 * A payment's status changed; fired inside the changing transaction, so an observer that must act
 * only on committed changes observes it {@code during = AFTER_SUCCESS}. {@code from} is null when
 * the payment has just been accepted.
 */
public record PaymentChanged(String paymentId, String merchantId, PaymentStatus from, PaymentStatus to, Instant at) {}
