package dev.paygate.refunds.entity;

public enum RefundStatus {
    PENDING, SUCCEEDED, FAILED
}
