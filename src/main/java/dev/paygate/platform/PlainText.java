package dev.paygate.platform;

/**
 * Text the gateway accepts into any field: no control characters (U+0000 to U+001F, which
 * include tab and line breaks, U+007F and U+0080 to U+009F) and no half of a surrogate pair.
 * PostgreSQL refuses U+0000 in text outright, and the others only hide what a value says when it
 * is shown or logged; no field of the API needs them, free text included.
 */
public final class PlainText {

    public static final String RULE = "must not contain control characters (U+0000 to U+001F, U+007F to U+009F)";

    private PlainText() {}

    public static boolean isPlain(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
