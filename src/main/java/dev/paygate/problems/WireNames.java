package dev.paygate.problems;

import java.util.Locale;

/** Java names to the API's snake_case names: {@code cardLast4} is {@code card_last4}. */
public final class WireNames {

    private WireNames() {}

    public static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
