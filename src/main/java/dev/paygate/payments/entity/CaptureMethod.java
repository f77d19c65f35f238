package dev.paygate.payments.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an approved payment is taken at once ({@code automatic}) or only authorised, to be
 * captured or voided by the merchant later ({@code manual}).
 */
public enum CaptureMethod {
    AUTOMATIC,
    MANUAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CaptureMethod> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wire().equals(value)).findFirst();
    }
}
