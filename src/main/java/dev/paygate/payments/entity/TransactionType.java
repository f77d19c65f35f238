package dev.paygate.payments.entity;

public enum TransactionType {
    CHARGE,
    REFUND,
    VOID
}
