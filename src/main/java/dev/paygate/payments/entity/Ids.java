package dev.paygate.payments.entity;

import java.security.SecureRandom;

/** Opaque, prefixed identifiers such as {@code pay_3fK9...}: unguessable, safe in URLs. */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 24;

    private Ids() {
    }

    public static String next(String prefix) {
        return prefix + "_" + random(LENGTH);
    }

    /** {@code length} letters and digits from a SecureRandom: about 5.95 bits each. */
    public static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
