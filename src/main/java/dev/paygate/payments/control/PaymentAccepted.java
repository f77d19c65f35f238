package dev.paygate.payments.control;

/** A payment has been accepted; fired inside the creating transaction. */
public record PaymentAccepted(String paymentId) {}
