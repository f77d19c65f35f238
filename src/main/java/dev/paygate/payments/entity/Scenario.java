package dev.paygate.payments.entity;

import java.time.YearMonth;

/**
 * What the emulated acquirer will answer for a payment, decided from the {@link TestCard} when the
 * payment is created (the card number is not kept, so it cannot be consulted later); any other card
 * is approved, unless it has expired.
 */
public enum Scenario {
    APPROVE("00", "Approved", null, null, null),
    /** Approved, but the issuer refuses every refund of it (the card was closed since). */
    APPROVE_REFUNDS_FAIL("00", "Approved", null, null, null),
    DECLINE_GENERIC("05", "Do not honour", "card_declined", "generic_decline", "Your card was declined."),
    DECLINE_INSUFFICIENT_FUNDS(
            "51", "Insufficient funds", "card_declined", "insufficient_funds", "Your card has insufficient funds."),
    DECLINE_LOST_CARD("41", "Lost card", "card_declined", "lost_card", "Your card was declined."),
    DECLINE_STOLEN_CARD("43", "Stolen card", "card_declined", "stolen_card", "Your card was declined."),
    DECLINE_VELOCITY(
            "61",
            "Exceeds withdrawal amount limit",
            "card_declined",
            "card_velocity_exceeded",
            "Your card was declined for making repeated attempts too frequently or exceeding its amount limit."),
    DECLINE_FRAUDULENT("59", "Suspected fraud", "card_declined", "fraudulent", "Your card was declined."),
    DECLINE_DO_NOT_HONOR("05", "Do not honour", "card_declined", "do_not_honor", "Your card was declined."),
    EXPIRED_CARD("54", "Expired card", "expired_card", null, "Your card has expired."),
    INCORRECT_CVC("82", "Incorrect security code", "incorrect_cvc", null, "Your card's security code is incorrect."),
    PROCESSING_ERROR(
            "96",
            "System malfunction",
            "processing_error",
            null,
            "An error occurred while processing your card. Try again in a little bit."),
    BANK_INSUFFICIENT_FUNDS(
            "AM04",
            "Insufficient funds",
            "insufficient_funds",
            null,
            "The bank account has insufficient funds to cover this payment."),
    BANK_ACCOUNT_CLOSED("AC04", "Closed account number", "account_closed", null, "The bank account has been closed."),
    /** 3-D Secure with a challenge; approved once the customer completes it. */
    CHALLENGE_APPROVE("00", "Approved", null, null, null, Authentication.CHALLENGE),
    /** 3-D Secure with a challenge; the issuer declines even after the customer completed it. */
    CHALLENGE_DECLINE(
            "05",
            "Do not honour",
            "card_declined",
            "generic_decline",
            "Your card was declined.",
            Authentication.CHALLENGE),
    /** 3-D Secure without a challenge: the issuer authenticates the cardholder by itself, then approves. */
    FRICTIONLESS_APPROVE("00", "Approved", null, null, null, Authentication.FRICTIONLESS),
    /** 3-D Secure without a challenge, and the issuer refuses to authenticate the cardholder. */
    FRICTIONLESS_REJECTED(
            "N7",
            "Authentication failed",
            Payment.AUTHENTICATION_FAILED,
            null,
            "We are unable to authenticate your payment method.",
            Authentication.FRICTIONLESS),
    PAYPAL_DECLINED("05", "Declined by PayPal", "paypal_declined", null, "PayPal declined this payment."),
    PAYPAL_CANCELLED(
            "05",
            "Approval cancelled",
            Payment.APPROVAL_CANCELLED,
            null,
            "The customer cancelled the approval at PayPal.");

    private final String responseCode;
    private final String responseMessage;
    private final String failureCode;
    private final String declineCode;
    private final String failureMessage;
    private final Authentication authentication;

    Scenario(
            String responseCode,
            String responseMessage,
            String failureCode,
            String declineCode,
            String failureMessage) {
        this(responseCode, responseMessage, failureCode, declineCode, failureMessage, Authentication.NONE);
    }

    Scenario(
            String responseCode,
            String responseMessage,
            String failureCode,
            String declineCode,
            String failureMessage,
            Authentication authentication) {
        this.responseCode = responseCode;
        this.responseMessage = responseMessage;
        this.failureCode = failureCode;
        this.declineCode = declineCode;
        this.failureMessage = failureMessage;
        this.authentication = authentication;
    }

    public static Scenario forCard(String cardNumber, int expiryMonth, int expiryYear, YearMonth now) {
        if (YearMonth.of(expiryYear, expiryMonth).isBefore(now)) {
            return EXPIRED_CARD;
        }
        return TestCard.of(cardNumber).map(TestCard::scenario).orElse(APPROVE);
    }

    /** A bank transfer's outcome, decided by its IBAN ({@link TestIban}); one without an IBAN clears. */
    public static Scenario forBankTransfer(String iban) {
        return iban == null
                ? APPROVE
                : TestIban.of(iban).map(TestIban::scenario).orElse(APPROVE);
    }

    /**
     * A PayPal payment's outcome, decided by the customer's address ({@link TestPaypalAccount}). A
     * cancelled approval needs no trigger when the customer approves on the hosted page
     * ({@code customerApproves}): the page's button decides it.
     */
    public static Scenario forPaypal(String customerEmail, boolean customerApproves) {
        return TestPaypalAccount.of(customerEmail)
                .filter(a -> !(customerApproves && a == TestPaypalAccount.CANCELLED))
                .map(TestPaypalAccount::scenario)
                .orElse(APPROVE);
    }

    public Authentication authentication() {
        return authentication;
    }

    public boolean approved() {
        return failureCode == null;
    }

    /** Why the acquirer refuses this payment's refunds; null when it accepts them. */
    public String refundFailureReason() {
        return this == APPROVE_REFUNDS_FAIL ? "expired_or_canceled_card" : null;
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
        return failureMessage;
    }
}
