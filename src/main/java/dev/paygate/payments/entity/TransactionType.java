package dev.paygate.payments.entity;

/**
 * A step of a payment: its charge (automatic capture), or its authorisation and later capture
 * (manual), its refunds, and the void of a pending payment or an authorisation.
 */
public enum TransactionType {
    CHARGE,
    AUTHORIZATION,
    CAPTURE,
    REFUND,
    VOID
}
