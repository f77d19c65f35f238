package dev.paygate.platform;

import java.security.SecureRandom;

/** Opaque, prefixed identifiers such as {@code pay_3fK9...}: unguessable, safe in URLs. */
public final class Ids {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 24;

    private Ids() {}

    public static String next(String prefix) {
        return prefix + "_" + random(LENGTH);
    }

    /**
     * {@code length} letters and digits from a SecureRandom, about 5.95 bits each. The bytes are
     * drawn in one call (each call costs a hash of the generator's state) and mapped without bias:
     * a byte's low six bits pick a character, and the two values past the alphabet are skipped.
     */
    public static String random(int length) {
        char[] chars = new char[length];
        byte[] bytes = new byte[length + length / 2];
        int used = bytes.length;
        for (int i = 0; i < length; ) {
            if (used == bytes.length) {
                RANDOM.nextBytes(bytes);
                used = 0;
            }
            int sixBits = bytes[used++] & 0x3F;
            if (sixBits < ALPHABET.length) {
                chars[i++] = ALPHABET[sixBits];
            }
        }
        return new String(chars);
    }
}
