package dev.paygate.payments.entity;

/**
 * How the issuer authenticates the cardholder (3-D Secure), decided by the {@link TestCard}: not at
 * all, silently (frictionless), or with a challenge the customer answers on the hosted page.
 */
public enum Authentication {
    NONE,
    FRICTIONLESS,
    CHALLENGE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
