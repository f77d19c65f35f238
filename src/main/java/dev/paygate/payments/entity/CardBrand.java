package dev.paygate.payments.entity;

import java.util.Locale;

/** Card networks, recognised from the number's leading digits (IIN ranges). */
public enum CardBrand {
    VISA,
    MASTERCARD,
    AMEX,
    DISCOVER,
    DINERS,
    JCB,
    UNIONPAY,
    UNKNOWN;

    static CardBrand of(String digits) {
        if (digits.length() < 2) {
            return UNKNOWN;
        }
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = digits.length() >= 4 ? Integer.parseInt(digits.substring(0, 4)) : 0;
        int three = Integer.parseInt(digits.substring(0, Math.min(3, digits.length())));
        if (digits.startsWith("4")) {
            return VISA;
        }
        if (two == 34 || two == 37) {
            return AMEX;
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return MASTERCARD;
        }
        if (four == 6011 || two == 65 || (three >= 644 && three <= 649)) {
            return DISCOVER;
        }
        if (four >= 3528 && four <= 3589) {
            return JCB;
        }
        if (two == 36 || two == 38 || (three >= 300 && three <= 305)) {
            return DINERS;
        }
        if (two == 62) {
            return UNIONPAY;
        }
        return UNKNOWN;
    }

    /** Amex prints a four-digit security code; the others three. */
    public int cvvLength() {
        return this == AMEX ? 4 : 3;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
