package dev.paygate.payments.entity;

/**
 * A step of a payment: its charge (automatic capture), or its authorisation and later capture
 * (manual), the customer's authentication, its refunds, and the void of a pending payment or an authorisation.
 */
public enum TransactionType {
    CHARGE,
    /** The customer's part: 3-D Secure or a PayPal approval, asked for and answered. */
    AUTHENTICATION,
    AUTHORIZATION,
    CAPTURE,
    REFUND,
    VOID
}
