package dev.paygate.payments.entity;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The card numbers whose outcome is known in advance: one success per brand the gateway recognises
 * and funding it is issued with, and one card per decline and error. Where Stripe's test mode has a
 * number for an outcome, it is that number, so the cards a merchant already uses mean the same here.
 * The served catalogue, the README's table and the integration tests all read this list.
 */
public enum TestCard {
    VISA("4242424242424242", "credit", Scenario.APPROVE, "Visa"),
    VISA_DEBIT("4000056655665556", "debit", Scenario.APPROVE, "Visa debit"),
    MASTERCARD("5555555555554444", "credit", Scenario.APPROVE, "Mastercard"),
    MASTERCARD_2_SERIES("2223003122003222", "credit", Scenario.APPROVE, "Mastercard (2-series)"),
    MASTERCARD_DEBIT("5200828282828210", "debit", Scenario.APPROVE, "Mastercard debit"),
    AMEX("378282246310005", "credit", Scenario.APPROVE, "American Express"),
    DISCOVER("6011111111111117", "credit", Scenario.APPROVE, "Discover"),
    DISCOVER_DEBIT("6011981111111113", "debit", Scenario.APPROVE, "Discover debit"),
    DINERS("3056930009020004", "credit", Scenario.APPROVE, "Diners Club"),
    DINERS_14_DIGITS("36227206271667", "credit", Scenario.APPROVE, "Diners Club (14 digits)"),
    JCB("3566002020360505", "credit", Scenario.APPROVE, "JCB"),
    UNIONPAY("6200000000000005", "credit", Scenario.APPROVE, "UnionPay"),
    REFUNDS_FAIL("4000000000005126", "credit", Scenario.APPROVE_REFUNDS_FAIL, "Visa; its refunds fail"),
    GENERIC_DECLINE("4000000000000002", "credit", Scenario.DECLINE_GENERIC, "Visa, declined"),
    INSUFFICIENT_FUNDS(
            "4000000000009995", "credit", Scenario.DECLINE_INSUFFICIENT_FUNDS, "Visa, declined: insufficient funds"),
    LOST_CARD("4000000000009987", "credit", Scenario.DECLINE_LOST_CARD, "Visa, declined: reported lost"),
    STOLEN_CARD("4000000000009979", "credit", Scenario.DECLINE_STOLEN_CARD, "Visa, declined: reported stolen"),
    VELOCITY_EXCEEDED(
            "4000000000006975",
            "credit",
            Scenario.DECLINE_VELOCITY,
            "Visa, declined: too many attempts or over its limit"),
    FRAUDULENT("4100000000000019", "credit", Scenario.DECLINE_FRAUDULENT, "Visa, declined: suspected fraud"),
    DO_NOT_HONOR("4000000000000044", "credit", Scenario.DECLINE_DO_NOT_HONOR, "Visa, declined: do not honour"),
    EXPIRED_CARD("4000000000000069", "credit", Scenario.EXPIRED_CARD, "Visa, fails: expired"),
    INCORRECT_CVC("4000000000000127", "credit", Scenario.INCORRECT_CVC, "Visa, fails: wrong security code"),
    PROCESSING_ERROR(
            "4000000000000119",
            "credit",
            Scenario.PROCESSING_ERROR,
            "Visa, fails: the acquirer's error, worth a retry"),
    THREE_D_SECURE(
            "4000000000003220",
            "credit",
            Scenario.CHALLENGE_APPROVE,
            "Visa, 3-D Secure: the customer must authenticate; then approved"),
    THREE_D_SECURE_THEN_DECLINED(
            "4000008400001629",
            "credit",
            Scenario.CHALLENGE_DECLINE,
            "Visa, 3-D Secure: the customer must authenticate; then declined"),
    THREE_D_SECURE_FRICTIONLESS(
            "4000000000003055",
            "credit",
            Scenario.FRICTIONLESS_APPROVE,
            "Visa, 3-D Secure without a challenge: authenticated by the issuer, approved"),
    THREE_D_SECURE_REJECTED(
            "4000008400001280",
            "credit",
            Scenario.FRICTIONLESS_REJECTED,
            "Visa, 3-D Secure: the issuer refuses to authenticate the cardholder");

    private static final Map<String, TestCard> BY_NUMBER =
            Arrays.stream(values()).collect(Collectors.toMap(TestCard::number, Function.identity()));

    private final String number;
    private final String funding;
    private final Scenario scenario;
    private final String description;

    TestCard(String number, String funding, Scenario scenario, String description) {
        this.number = number;
        this.funding = funding;
        this.scenario = scenario;
        this.description = description;
    }

    /** The test card with this number, spaces allowed; empty for any other card. */
    public static Optional<TestCard> of(String cardNumber) {
        return Optional.ofNullable(BY_NUMBER.get(CardNumber.digits(cardNumber)));
    }

    public String number() {
        return number;
    }

    public CardBrand brand() {
        return CardBrand.of(number);
    }

    /** credit or debit. */
    public String funding() {
        return funding;
    }

    public Scenario scenario() {
        return scenario;
    }

    public String description() {
        return description;
    }
}
