package dev.paygate.payments.entity;

import java.time.YearMonth;

/**
 * What the emulated acquirer will answer for a payment, decided from the test card when the payment
 * is created (the card number is not kept, so it cannot be consulted later).
 */
public enum Scenario {
    APPROVE("00", "Approved", null, null),
    DECLINE_GENERIC("05", "Do not honour", "card_declined", "generic_decline"),
    DECLINE_INSUFFICIENT_FUNDS("51", "Insufficient funds", "card_declined", "insufficient_funds"),
    EXPIRED_CARD("54", "Expired card", "expired_card", null);

    public static final String GENERIC_DECLINE_CARD = "4000000000000002";
    public static final String INSUFFICIENT_FUNDS_CARD = "4000000000009995";

    private final String responseCode;
    private final String responseMessage;
    private final String failureCode;
    private final String declineCode;

    Scenario(String responseCode, String responseMessage, String failureCode, String declineCode) {
        this.responseCode = responseCode;
        this.responseMessage = responseMessage;
        this.failureCode = failureCode;
        this.declineCode = declineCode;
    }

    public static Scenario forCard(String cardNumber, int expiryMonth, int expiryYear, YearMonth now) {
        if (YearMonth.of(expiryYear, expiryMonth).isBefore(now)) {
            return EXPIRED_CARD;
        }
        return switch (CardNumber.digits(cardNumber)) {
            case GENERIC_DECLINE_CARD -> DECLINE_GENERIC;
            case INSUFFICIENT_FUNDS_CARD -> DECLINE_INSUFFICIENT_FUNDS;
            default -> APPROVE;
        };
    }

    public boolean approved() {
        return this == APPROVE;
    }

    public String responseCode() {
        return responseCode;
    }

    public String responseMessage() {
        return responseMessage;
    }

    public String failureCode() {
        return failureCode;
    }

    public String declineCode() {
        return declineCode;
    }

    public String failureMessage() {
        return switch (this) {
            case APPROVE -> null;
            case DECLINE_GENERIC -> "Your card was declined.";
            case DECLINE_INSUFFICIENT_FUNDS -> "Your card has insufficient funds.";
            case EXPIRED_CARD -> "Your card has expired.";
        };
    }
}
