package dev.paygate.settlement.entity;

import java.util.Locale;

/** What a settlement item counts: money captured from a customer, or money refunded to one. */
public enum ItemType {
    CAPTURE,
    REFUND;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
