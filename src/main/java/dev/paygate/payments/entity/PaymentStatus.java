package dev.paygate.payments.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The life of a payment: {@link #next} is the one table of the moves each status allows, and the
 * README draws it.
 */
public enum PaymentStatus {
    PENDING,
    PROCESSING,
    /** Waiting for the customer: 3-D Secure or a PayPal approval, on the hosted page. */
    REQUIRES_ACTION,
    /** Approved and held for a later capture or void ({@code capture_method} manual). */
    AUTHORIZED,
    COMPLETED,
    FAILED,
    CANCELLED,
    REFUNDED;

    public Set<PaymentStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(PROCESSING, CANCELLED);
            case PROCESSING -> EnumSet.of(REQUIRES_ACTION, COMPLETED, AUTHORIZED, FAILED);
            case REQUIRES_ACTION -> EnumSet.of(COMPLETED, AUTHORIZED, FAILED, CANCELLED);
            case AUTHORIZED -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED -> EnumSet.of(REFUNDED);
            case FAILED, CANCELLED, REFUNDED -> EnumSet.noneOf(PaymentStatus.class);
        };
    }

    public boolean canMoveTo(PaymentStatus target) {
        return next().contains(target);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every status as the API writes it, for messages that list them. */
    public static String wireList() {
        return Arrays.stream(values()).map(PaymentStatus::wire).collect(Collectors.joining(", "));
    }

    public static Optional<PaymentStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
