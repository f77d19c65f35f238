package dev.paygate.payments.entity;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The IBANs whose bank transfer's outcome is known in advance; the outcome comes once the
 * transfer has cleared. Any other valid IBAN, or none, clears and completes.
 */
public enum TestIban {
    CLEARS("DE89370400440532013000", Scenario.APPROVE, "Bank transfer, clears"),
    INSUFFICIENT_FUNDS(
            "DE62370400440532013001",
            Scenario.BANK_INSUFFICIENT_FUNDS,
            "Bank transfer, fails after clearing: insufficient funds"),
    ACCOUNT_CLOSED(
            "DE08370400440532013003",
            Scenario.BANK_ACCOUNT_CLOSED,
            "Bank transfer, fails after clearing: account closed");

    private static final Map<String, TestIban> BY_IBAN =
            Arrays.stream(values()).collect(Collectors.toMap(TestIban::iban, Function.identity()));

    private final String iban;
    private final Scenario scenario;
    private final String description;

    TestIban(String iban, Scenario scenario, String description) {
        this.iban = iban;
        this.scenario = scenario;
        this.description = description;
    }

    /** The test IBAN this is, spaces and case aside; empty for any other. */
    public static Optional<TestIban> of(String iban) {
        return Optional.ofNullable(BY_IBAN.get(Iban.normalized(iban)));
    }

    public String iban() {
        return iban;
    }

    public Scenario scenario() {
        return scenario;
    }

    public String description() {
        return description;
    }
}
