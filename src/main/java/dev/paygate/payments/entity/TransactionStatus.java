package dev.paygate.payments.entity;

public enum TransactionStatus {
    PENDING,
    PROCESSING,
    SUCCEEDED,
    FAILED
}
