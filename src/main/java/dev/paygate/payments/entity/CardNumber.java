package dev.paygate.payments.entity;

/**
 * Checks on a primary account number. The number itself is only ever held in memory while a
 * payment is created: only its brand and last four digits are kept.
 */
public final class CardNumber {

    private CardNumber() {
    }

    /** The digits, with the spaces a customer may type removed. */
    public static String digits(String number) {
        return number == null ? "" : number.replace(" ", "");
    }

    public static boolean wellFormed(String number) {
        return digits(number).matches("\\d{12,19}");
    }

    public static boolean luhnValid(String number) {
        String digits = digits(number);
        if (!digits.matches("\\d+")) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    public static CardBrand brand(String number) {
        return CardBrand.of(digits(number));
    }

    public static String last4(String number) {
        String digits = digits(number);
        return digits.substring(Math.max(0, digits.length() - 4));
    }
}
