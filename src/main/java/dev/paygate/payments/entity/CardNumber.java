package dev.paygate.payments.entity;

import dev.paygate.platform.CardNumberInText;

/**
 * Checks on a primary account number. The number itself is only ever held in memory while a
 * payment is created: only its brand and last four digits are kept.
 */
public final class CardNumber {

    private CardNumber() {}

    /** The digits, with the spaces a customer may type removed. */
    public static String digits(String number) {
        return number == null ? "" : number.replace(" ", "");
    }

    public static boolean wellFormed(String number) {
        return digits(number).matches("\\d{12,19}");
    }

    public static boolean luhnValid(String number) {
        String digits = digits(number);
        return digits.matches("\\d+") && CardNumberInText.luhnValid(digits, 0, digits.length());
    }

    public static CardBrand brand(String number) {
        return CardBrand.of(digits(number));
    }

    public static String last4(String number) {
        String digits = digits(number);
        return digits.substring(Math.max(0, digits.length() - 4));
    }
}
