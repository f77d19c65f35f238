package dev.paygate.payments.entity;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Checks on an IBAN (ISO 13616): a country code, two check digits and up to 30 letters and digits,
 * whose check digits make the whole, rearranged, leave 1 when divided by 97. Only its country and
 * last four characters are kept.
 */
public final class Iban {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Iban() {}

    /** Upper case, with the spaces people type removed. */
    public static String normalized(String iban) {
        return iban == null ? "" : iban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    public static boolean valid(String iban) {
        String s = normalized(iban);
        if (!s.matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}")) {
            return false;
        }
        StringBuilder digits = new StringBuilder(s.length() * 2);
        String rearranged = s.substring(4) + s.substring(0, 4);
        for (int i = 0; i < rearranged.length(); i++) {
            digits.append(Character.digit(rearranged.charAt(i), 36));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    public static String last4(String iban) {
        String s = normalized(iban);
        return s.substring(Math.max(0, s.length() - 4));
    }
}
