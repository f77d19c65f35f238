package dev.paygate.payments.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The PayPal accounts whose outcome is known in advance, by the end of the customer address's
 * local part: {@code buyer+declined@example.com} is declined by PayPal. Any other address, or
 * none, is approved.
 */
public enum TestPaypalAccount {
    DECLINED("+declined", Scenario.PAYPAL_DECLINED, "PayPal declines the payment (after the customer's approval)"),
    CANCELLED(
            "+cancelled",
            Scenario.PAYPAL_CANCELLED,
            "The customer cancels at PayPal (without return_url; with one, the page's button decides)");

    private final String suffix;
    private final Scenario scenario;
    private final String description;

    TestPaypalAccount(String suffix, Scenario scenario, String description) {
        this.suffix = suffix;
        this.scenario = scenario;
        this.description = description;
    }

    /** The test account {@code customerEmail} is, case aside; empty for any other address or none. */
    public static Optional<TestPaypalAccount> of(String customerEmail) {
        if (customerEmail == null || customerEmail.indexOf('@') < 0) {
            return Optional.empty();
        }
        String local =
                customerEmail.substring(0, customerEmail.lastIndexOf('@')).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> local.endsWith(a.suffix)).findFirst();
    }

    /** An address that triggers it. */
    public String example() {
        return "buyer" + suffix + "@example.com";
    }

    public Scenario scenario() {
        return scenario;
    }

    public String description() {
        return description;
    }
}
