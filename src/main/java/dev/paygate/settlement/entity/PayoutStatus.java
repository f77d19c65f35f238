package dev.paygate.settlement.entity;

import java.util.Locale;

/** A payout is pending until its arrival time, then paid. */
public enum PayoutStatus {
    PENDING,
    PAID;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
