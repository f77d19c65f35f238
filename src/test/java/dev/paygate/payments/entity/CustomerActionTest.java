package dev.paygate.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Payments that wait for their customer: 3-D Secure challenges and PayPal approvals. */
class CustomerActionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    private static final Duration VALIDITY = Duration.ofDays(7);
    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final String RETURN = "https://shop.example/return";

    private static Payment card(String number, CaptureMethod capture) {
        return Payment.create(
                "m",
                "o",
                Money.of(new BigDecimal("42.50"), "EUR"),
                PaymentMethod.CREDIT_CARD,
                capture,
                Card.from(number, 12, 2030),
                null,
                Scenario.forCard(number, 12, 2030, java.time.YearMonth.of(2026, 3)),
                null,
                null,
                null,
                RETURN,
                T0);
    }

    private static Payment paypal(String email, String returnUrl) {
        return Payment.create(
                "m",
                "o",
                Money.of(new BigDecimal("10.00"), "EUR"),
                PaymentMethod.PAYPAL,
                CaptureMethod.AUTOMATIC,
                null,
                null,
                Scenario.forPaypal(email, returnUrl != null),
                null,
                email,
                null,
                returnUrl,
                T0);
    }

    private static PaymentTransaction answered(Payment p) {
        p.startProcessing(T0);
        return p.settle(T0, VALIDITY, TIMEOUT);
    }

    @Test
    void aChallengeCardWaitsForItsCustomerUntilTheTimeout() {
        Payment p = card("4000000000003220", CaptureMethod.AUTOMATIC);
        assertNotNull(p.actionToken());
        PaymentTransaction t = answered(p);
        assertEquals(PaymentStatus.REQUIRES_ACTION, p.status());
        assertEquals(TransactionType.AUTHENTICATION, t.type());
        assertEquals(TransactionStatus.PENDING, t.status());
        assertEquals(p.updatedAt().plus(TIMEOUT), p.actionExpiresAt());
        assertTrue(p.actionTokenIs(p.actionToken()));
        assertFalse(p.actionTokenIs(p.actionToken() + "x"));
        assertFalse(p.actionTokenIs(null));
    }

    @Test
    void anAuthenticatedChallengeGetsTheAcquirersAnswer() {
        Payment p = card("4000000000003220", CaptureMethod.AUTOMATIC);
        answered(p);
        PaymentTransaction t = p.authenticate(true, T0.plusSeconds(5));
        assertEquals(TransactionStatus.SUCCEEDED, t.status());
        assertEquals(PaymentStatus.REQUIRES_ACTION, p.status(), "the acquirer answers next");
        p.settle(T0.plusSeconds(5), VALIDITY, TIMEOUT);
        assertEquals(PaymentStatus.COMPLETED, p.status());
        assertEquals(Payment.AUTHENTICATED, p.authenticationResult());
        assertNull(p.actionExpiresAt());
    }

    @Test
    void aManualCaptureIsAuthorisedOnceAuthenticated() {
        Payment p = card("4000000000003220", CaptureMethod.MANUAL);
        answered(p);
        p.authenticate(true, T0);
        p.settle(T0, VALIDITY, TIMEOUT);
        assertEquals(PaymentStatus.AUTHORIZED, p.status());
    }

    @Test
    void theIssuerMayStillDeclineAfterAuthentication() {
        Payment p = card("4000008400001629", CaptureMethod.AUTOMATIC);
        answered(p);
        p.authenticate(true, T0);
        p.settle(T0, VALIDITY, TIMEOUT);
        assertEquals(PaymentStatus.FAILED, p.status());
        assertEquals("card_declined", p.failureCode());
        assertEquals("generic_decline", p.declineCode());
        assertEquals(Payment.AUTHENTICATED, p.authenticationResult());
    }

    @Test
    void aFailedChallengeFailsThePayment() {
        Payment p = card("4000000000003220", CaptureMethod.AUTOMATIC);
        answered(p);
        PaymentTransaction t = p.authenticate(false, T0);
        assertEquals(TransactionStatus.FAILED, t.status());
        assertEquals(PaymentStatus.FAILED, p.status());
        assertEquals(Payment.AUTHENTICATION_FAILED, p.failureCode());
        assertEquals(Payment.FAILED, p.authenticationResult());
        assertThrows(InvalidPaymentTransition.class, () -> p.authenticate(true, T0), "answered once only");
    }

    @Test
    void anUnansweredActionTimesOutOnlyOnceDue() {
        Payment p = card("4000000000003220", CaptureMethod.AUTOMATIC);
        answered(p);
        assertThrows(
                InvalidPaymentTransition.class,
                () -> p.expireAction(p.actionExpiresAt().minusSeconds(1)));
        p.expireAction(p.actionExpiresAt());
        assertEquals(PaymentStatus.FAILED, p.status());
        assertEquals(Payment.AUTHENTICATION_TIMEOUT, p.failureCode());
        assertEquals(Payment.TIMED_OUT, p.authenticationResult());
    }

    @Test
    void aWaitingPaymentCanBeCancelled() {
        Payment p = card("4000000000003220", CaptureMethod.AUTOMATIC);
        answered(p);
        p.cancel("abandoned", T0);
        assertEquals(PaymentStatus.CANCELLED, p.status());
        assertThrows(InvalidPaymentTransition.class, () -> p.authenticate(true, T0));
    }

    @Test
    void frictionlessCardsNeedNoCustomer() {
        Payment approved = card("4000000000003055", CaptureMethod.AUTOMATIC);
        assertNull(approved.actionToken());
        answered(approved);
        assertEquals(PaymentStatus.COMPLETED, approved.status());
        assertEquals(Payment.AUTHENTICATED, approved.authenticationResult());

        Payment rejected = card("4000008400001280", CaptureMethod.AUTOMATIC);
        answered(rejected);
        assertEquals(PaymentStatus.FAILED, rejected.status());
        assertEquals(Payment.AUTHENTICATION_FAILED, rejected.failureCode());
        assertEquals(Payment.FAILED, rejected.authenticationResult());
    }

    @Test
    void anOrdinaryCardWithAReturnUrlDoesNotWait() {
        Payment p = card("4242424242424242", CaptureMethod.AUTOMATIC);
        assertNull(p.actionToken());
        answered(p);
        assertEquals(PaymentStatus.COMPLETED, p.status());
        assertNull(p.authenticationResult());
    }

    @Test
    void payPalWaitsForApprovalOnlyWithAReturnUrl() {
        Payment serverToServer = paypal("buyer@example.com", null);
        answered(serverToServer);
        assertEquals(PaymentStatus.COMPLETED, serverToServer.status());

        Payment approved = paypal("buyer@example.com", RETURN);
        answered(approved);
        assertEquals(PaymentStatus.REQUIRES_ACTION, approved.status());
        approved.authenticate(true, T0);
        approved.settle(T0, VALIDITY, TIMEOUT);
        assertEquals(PaymentStatus.COMPLETED, approved.status());

        Payment cancelled = paypal("buyer@example.com", RETURN);
        answered(cancelled);
        cancelled.authenticate(false, T0);
        assertEquals(Payment.APPROVAL_CANCELLED, cancelled.failureCode());
    }

    @Test
    void payPalTriggers() {
        Payment declined = paypal("Buyer+Declined@example.com", RETURN);
        answered(declined);
        declined.authenticate(true, T0);
        declined.settle(T0, VALIDITY, TIMEOUT);
        assertEquals("paypal_declined", declined.failureCode());

        Payment cancelled = paypal("buyer+cancelled@example.com", null);
        answered(cancelled);
        assertEquals(Payment.APPROVAL_CANCELLED, cancelled.failureCode());

        assertEquals(Scenario.APPROVE, Scenario.forPaypal("buyer+cancelled@example.com", true), "the page decides");
        assertEquals(Scenario.APPROVE, Scenario.forPaypal(null, false));
        assertEquals(Scenario.APPROVE, Scenario.forPaypal("declined@example.com", false));
    }
}
