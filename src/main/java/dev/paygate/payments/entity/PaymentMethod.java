package dev.paygate.payments.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum PaymentMethod {
    CREDIT_CARD,
    DEBIT_CARD,
    PAYPAL,
    BANK_TRANSFER;

    public boolean isCard() {
        return this == CREDIT_CARD || this == DEBIT_CARD;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentMethod> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wire().equals(value)).findFirst();
    }
}
