package dev.paygate.refunds.entity;

import java.util.EnumSet;
import java.util.Set;

/** The life of a refund, with the moves each status allows. */
public enum RefundStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    public Set<RefundStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(SUCCEEDED, FAILED);
            case SUCCEEDED, FAILED -> EnumSet.noneOf(RefundStatus.class);
        };
    }

    public boolean canMoveTo(RefundStatus target) {
        return next().contains(target);
    }
}
