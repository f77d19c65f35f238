package dev.paygate.events.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an event says happened; on the wire as {@code payment.completed} and so on. */
public enum EventType {
    PAYMENT_CREATED("payment.created"),
    PAYMENT_PROCESSING("payment.processing"),
    PAYMENT_REQUIRES_ACTION("payment.requires_action"),
    PAYMENT_AUTHORIZED("payment.authorized"),
    PAYMENT_COMPLETED("payment.completed"),
    PAYMENT_FAILED("payment.failed"),
    PAYMENT_CANCELLED("payment.cancelled"),
    PAYMENT_REFUNDED("payment.refunded"),
    REFUND_CREATED("refund.created"),
    REFUND_SUCCEEDED("refund.succeeded"),
    REFUND_FAILED("refund.failed"),
    SETTLEMENT_CREATED("settlement.created"),
    PAYOUT_CREATED("payout.created"),
    PAYOUT_PAID("payout.paid");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The type of a change of a {@code object} ("payment", "refund") to {@code status}. */
    public static EventType of(String object, String status) {
        return fromWire(object + "." + status)
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + object + " " + status));
    }

    public static Optional<EventType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
    }

    /**
     * Whether {@code pattern} is a type, {@code *}, or a prefix wildcard such as {@code payment.*}
     * that names at least one type.
     */
    public static boolean isPattern(String pattern) {
        return pattern != null && Arrays.stream(values()).anyMatch(t -> t.matches(pattern));
    }

    public boolean matches(String pattern) {
        if (pattern.equals("*") || pattern.equals(wire)) {
            return true;
        }
        return pattern.endsWith(".*") && wire.startsWith(pattern.substring(0, pattern.length() - 1));
    }

    public boolean matchesAny(List<String> patterns) {
        return patterns.stream().anyMatch(this::matches);
    }
}
