package dev.paygate.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.problems.ErrorType;
import dev.paygate.problems.GatewayException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PaymentTest {

    /** How long an authorisation stays capturable. */
    static final Duration VALIDITY = Duration.ofDays(7);

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");

    static Payment payment(Scenario scenario) {
        return payment("100.00", "USD", scenario);
    }

    static Payment payment(String amount, String currency, Scenario scenario) {
        return Payment.create(
                "merchant_1",
                "order_1",
                Money.of(new BigDecimal(amount), currency),
                PaymentMethod.CREDIT_CARD,
                CaptureMethod.AUTOMATIC,
                Card.from("4111 1111 1111 1111", 12, 2030),
                null,
                scenario,
                "Test payment",
                "c@example.com",
                "Jane Doe",
                null,
                T0);
    }

    static Payment completed() {
        Payment p = payment(Scenario.APPROVE);
        p.startProcessing(T0);
        p.settle(T0, VALIDITY, VALIDITY);
        return p;
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    @Test
    void createIsPendingWithNothingRefunded() {
        Payment p = payment(Scenario.APPROVE);
        assertEquals(PaymentStatus.PENDING, p.status());
        assertEquals(0, p.refundedAmount().signum());
        assertTrue(p.id().startsWith("pay_"), p.id());
        assertEquals("merchant_1", p.merchantId());
        assertEquals("order_1", p.orderId());
        assertEquals(dec("100.00"), p.amount());
        assertEquals("USD", p.currency());
        assertEquals(PaymentMethod.CREDIT_CARD, p.paymentMethod());
        assertEquals(Scenario.APPROVE, p.scenario());
        assertEquals(CardBrand.VISA, p.cardBrand());
        assertEquals("1111", p.cardLast4());
        assertEquals(12, p.cardExpiryMonth());
        assertEquals(2030, p.cardExpiryYear());
        assertNull(p.failureCode());
        assertNull(p.declineCode());
        assertNull(p.failureMessage());
    }

    @Test
    void createKeepsMicrosecondsOnly() {
        Payment p = payment(Scenario.APPROVE);
        assertEquals(Instant.parse("2026-03-01T10:15:30.123456Z"), p.createdAt());
        assertEquals(p.createdAt(), p.updatedAt());
    }

    @Test
    void nonCardPaymentHasNoCardFields() {
        Payment p = Payment.create(
                "m",
                "o",
                Money.of(dec("5"), "EUR"),
                PaymentMethod.PAYPAL,
                CaptureMethod.AUTOMATIC,
                null,
                null,
                Scenario.APPROVE,
                null,
                null,
                null,
                null,
                T0);
        assertNull(p.cardBrand());
        assertNull(p.cardLast4());
        assertNull(p.cardExpiryMonth());
        assertNull(p.cardExpiryYear());
    }

    @Test
    void eachPaymentGetsItsOwnId() {
        assertNotEquals(
                payment(Scenario.APPROVE).id(), payment(Scenario.APPROVE).id());
    }

    @Test
    void acceptedChargeIsAPendingCharge() {
        Payment p = payment(Scenario.APPROVE);
        PaymentTransaction t = p.acceptedCharge();
        assertEquals(TransactionType.CHARGE, t.type());
        assertEquals(TransactionStatus.PENDING, t.status());
        assertEquals(dec("100.00"), t.amount());
        assertEquals("USD", t.currency());
        assertEquals(p.id(), t.paymentId());
        assertEquals(p.createdAt(), t.createdAt());
        assertTrue(t.id().startsWith("txn_"));
        assertTrue(t.gatewayTransactionId().startsWith("gw_"));
    }

    @Test
    void startProcessingMovesToProcessing() {
        Payment p = payment(Scenario.APPROVE);
        PaymentTransaction t = p.startProcessing(T0);
        assertEquals(PaymentStatus.PROCESSING, p.status());
        assertEquals(TransactionType.CHARGE, t.type());
        assertEquals(TransactionStatus.PROCESSING, t.status());
        assertEquals(dec("100.00"), t.amount());
        assertEquals(p.id(), t.paymentId());
        assertEquals(p.updatedAt(), t.createdAt());
    }

    @Test
    void settleApprovedCompletes() {
        Payment p = payment(Scenario.APPROVE);
        p.startProcessing(T0);
        PaymentTransaction t = p.settle(T0.plusSeconds(1), VALIDITY, VALIDITY);
        assertEquals(PaymentStatus.COMPLETED, p.status());
        assertEquals(TransactionType.CHARGE, t.type());
        assertEquals(TransactionStatus.SUCCEEDED, t.status());
        assertEquals("00", t.responseCode());
        assertEquals("Approved", t.responseMessage());
        assertEquals(dec("100.00"), t.amount());
        assertNull(p.failureCode());
        assertNull(p.declineCode());
        assertNull(p.failureMessage());
    }

    @Test
    void settleGenericDeclineFails() {
        Payment p = payment(Scenario.DECLINE_GENERIC);
        p.startProcessing(T0);
        PaymentTransaction t = p.settle(T0, VALIDITY, VALIDITY);
        assertEquals(PaymentStatus.FAILED, p.status());
        assertEquals("card_declined", p.failureCode());
        assertEquals("generic_decline", p.declineCode());
        assertEquals("Your card was declined.", p.failureMessage());
        assertEquals(TransactionType.CHARGE, t.type());
        assertEquals(TransactionStatus.FAILED, t.status());
        assertEquals("05", t.responseCode());
    }

    @Test
    void settleInsufficientFundsFails() {
        Payment p = payment(Scenario.DECLINE_INSUFFICIENT_FUNDS);
        p.startProcessing(T0);
        PaymentTransaction t = p.settle(T0, VALIDITY, VALIDITY);
        assertEquals(PaymentStatus.FAILED, p.status());
        assertEquals("card_declined", p.failureCode());
        assertEquals("insufficient_funds", p.declineCode());
        assertEquals("Your card has insufficient funds.", p.failureMessage());
        assertEquals(TransactionStatus.FAILED, t.status());
        assertEquals("51", t.responseCode());
        assertEquals("Insufficient funds", t.responseMessage());
    }

    @Test
    void settleExpiredCardFails() {
        Payment p = payment(Scenario.EXPIRED_CARD);
        p.startProcessing(T0);
        PaymentTransaction t = p.settle(T0, VALIDITY, VALIDITY);
        assertEquals(PaymentStatus.FAILED, p.status());
        assertEquals("expired_card", p.failureCode());
        assertNull(p.declineCode());
        assertEquals("Your card has expired.", p.failureMessage());
        assertEquals("54", t.responseCode());
    }

    @Test
    void settleNeedsProcessingFirst() {
        Payment p = payment(Scenario.APPROVE);
        assertThrows(InvalidPaymentTransition.class, () -> p.settle(T0, VALIDITY, VALIDITY));
        assertEquals(PaymentStatus.PENDING, p.status());
    }

    @Test
    void processingTwiceIsRejected() {
        Payment p = payment(Scenario.APPROVE);
        p.startProcessing(T0);
        assertThrows(InvalidPaymentTransition.class, () -> p.startProcessing(T0));
        assertEquals(PaymentStatus.PROCESSING, p.status());
    }

    @Test
    void settlingTwiceIsRejected() {
        Payment p = completed();
        assertThrows(InvalidPaymentTransition.class, () -> p.settle(T0, VALIDITY, VALIDITY));
        assertEquals(PaymentStatus.COMPLETED, p.status());
    }

    @Test
    void cancelPendingVoidsIt() {
        Payment p = payment(Scenario.APPROVE);
        PaymentTransaction t = p.cancel(null, T0);
        assertEquals(PaymentStatus.CANCELLED, p.status());
        assertEquals(TransactionType.VOID, t.type());
        assertEquals(TransactionStatus.SUCCEEDED, t.status());
        assertEquals(dec("100.00"), t.amount());
        assertEquals("00", t.responseCode());
        assertEquals(p.id(), t.paymentId());
    }

    @Test
    void cancelledPaymentCannotBeProcessed() {
        Payment p = payment(Scenario.APPROVE);
        p.cancel(null, T0);
        assertThrows(InvalidPaymentTransition.class, () -> p.startProcessing(T0));
        assertEquals(PaymentStatus.CANCELLED, p.status());
    }

    private static void assertCancelRejected(Payment p, String statusWire) {
        PaymentStatus before = p.status();
        Instant updatedBefore = p.updatedAt();
        InvalidPaymentTransition e = assertThrows(InvalidPaymentTransition.class, () -> p.cancel(null, T0));
        assertEquals(before, p.status());
        assertEquals(updatedBefore, p.updatedAt());
        assertEquals(ErrorType.CONFLICT, e.type());
        assertEquals(409, e.type().status());
        assertEquals("payment_invalid_state", e.code());
        assertTrue(e.getMessage().contains(p.id()), e.getMessage());
        assertTrue(e.getMessage().contains(statusWire), e.getMessage());
    }

    @Test
    void cancelOnlyFromPending() {
        Payment processing = payment(Scenario.APPROVE);
        processing.startProcessing(T0);
        assertCancelRejected(processing, "processing");

        assertCancelRejected(completed(), "completed");

        Payment failed = payment(Scenario.DECLINE_GENERIC);
        failed.startProcessing(T0);
        failed.settle(T0, VALIDITY, VALIDITY);
        assertCancelRejected(failed, "failed");

        Payment cancelled = payment(Scenario.APPROVE);
        cancelled.cancel(null, T0);
        assertCancelRejected(cancelled, "cancelled");

        Payment refunded = completed();
        refunded.applyRefund(dec("100.00"), T0);
        assertCancelRejected(refunded, "refunded");
    }

    @Test
    void invalidTransitionIsAGatewayConflict() {
        Payment p = completed();
        GatewayException e = assertThrows(GatewayException.class, () -> p.cancel(null, T0));
        assertEquals(409, e.type().status());
        assertEquals("invalid_request_error", e.toApiError().error().type());
        assertEquals("payment_invalid_state", e.toApiError().error().code());
        assertNull(e.param());
    }

    @Test
    void partialRefundKeepsItCompleted() {
        Payment p = completed();
        PaymentTransaction t = p.applyRefund(dec("40.00"), T0);
        assertEquals(PaymentStatus.COMPLETED, p.status());
        assertEquals(0, dec("40").compareTo(p.refundedAmount()));
        assertEquals(TransactionType.REFUND, t.type());
        assertEquals(TransactionStatus.SUCCEEDED, t.status());
        assertEquals(dec("40.00"), t.amount());
        assertEquals("USD", t.currency());
        assertEquals(p.id(), t.paymentId());
        assertEquals(p.updatedAt(), t.createdAt());
    }

    @Test
    void refundsAddUpToRefunded() {
        Payment p = completed();
        p.applyRefund(dec("40.00"), T0);
        p.applyRefund(dec("35.50"), T0);
        assertEquals(PaymentStatus.COMPLETED, p.status());
        assertEquals(0, dec("75.50").compareTo(p.refundedAmount()));
        PaymentTransaction last = p.applyRefund(dec("24.50"), T0);
        assertEquals(PaymentStatus.REFUNDED, p.status());
        assertEquals(0, dec("100").compareTo(p.refundedAmount()));
        assertEquals(TransactionType.REFUND, last.type());
        assertEquals(dec("24.50"), last.amount());
    }

    @Test
    void fullRefundMakesItRefunded() {
        Payment p = completed();
        PaymentTransaction t = p.applyRefund(dec("100.00"), T0);
        assertEquals(PaymentStatus.REFUNDED, p.status());
        assertEquals(0, dec("100").compareTo(p.refundedAmount()));
        assertEquals(TransactionType.REFUND, t.type());
        assertEquals(TransactionStatus.SUCCEEDED, t.status());
    }

    @Test
    void refundBeyondThePaymentIsRejected() {
        Payment p = completed();
        p.applyRefund(dec("60.00"), T0);
        Instant updated = p.updatedAt();
        assertThrows(IllegalStateException.class, () -> p.applyRefund(dec("40.01"), T0));
        assertEquals(0, dec("60").compareTo(p.refundedAmount()));
        assertEquals(PaymentStatus.COMPLETED, p.status());
        assertEquals(updated, p.updatedAt());
        assertThrows(IllegalStateException.class, () -> completed().applyRefund(dec("100.01"), T0));
    }

    @Test
    void requireRefundableOnlyWhenCompleted() {
        completed().requireRefundable();

        Payment pending = payment(Scenario.APPROVE);
        InvalidPaymentTransition e = assertThrows(InvalidPaymentTransition.class, pending::requireRefundable);
        assertEquals(409, e.type().status());
        assertTrue(e.getMessage().contains("pending"), e.getMessage());

        Payment processing = payment(Scenario.APPROVE);
        processing.startProcessing(T0);
        assertThrows(InvalidPaymentTransition.class, processing::requireRefundable);

        Payment failed = payment(Scenario.DECLINE_GENERIC);
        failed.startProcessing(T0);
        failed.settle(T0, VALIDITY, VALIDITY);
        assertThrows(InvalidPaymentTransition.class, failed::requireRefundable);

        Payment cancelled = payment(Scenario.APPROVE);
        cancelled.cancel(null, T0);
        assertThrows(InvalidPaymentTransition.class, cancelled::requireRefundable);

        Payment refunded = completed();
        refunded.applyRefund(dec("100.00"), T0);
        assertThrows(InvalidPaymentTransition.class, refunded::requireRefundable);
    }

    @Test
    void updatedAtStrictlyIncreasesWithTheSameInstant() {
        Payment p = payment(Scenario.APPROVE);
        Instant created = p.updatedAt();
        PaymentTransaction processing = p.startProcessing(T0);
        Instant afterProcessing = p.updatedAt();
        PaymentTransaction settled = p.settle(T0, VALIDITY, VALIDITY);
        Instant afterSettle = p.updatedAt();
        PaymentTransaction partial = p.applyRefund(dec("10.00"), T0);
        Instant afterPartial = p.updatedAt();
        PaymentTransaction rest = p.applyRefund(dec("90.00"), T0);
        Instant afterFull = p.updatedAt();

        assertTrue(afterProcessing.isAfter(created));
        assertTrue(afterSettle.isAfter(afterProcessing));
        assertTrue(afterPartial.isAfter(afterSettle));
        assertTrue(afterFull.isAfter(afterPartial));
        assertEquals(p.createdAt(), created);

        assertTrue(processing.createdAt().isAfter(p.acceptedCharge().createdAt()));
        assertTrue(settled.createdAt().isAfter(processing.createdAt()));
        assertTrue(partial.createdAt().isAfter(settled.createdAt()));
        assertTrue(rest.createdAt().isAfter(partial.createdAt()));
    }

    @Test
    void updatedAtNeverGoesBackInTime() {
        Payment p = payment(Scenario.APPROVE);
        p.startProcessing(T0.minusSeconds(60));
        assertTrue(p.updatedAt().isAfter(p.createdAt()));
        Instant later = T0.plusSeconds(5);
        p.settle(later, VALIDITY, VALIDITY);
        assertEquals(Instant.parse("2026-03-01T10:15:35.123456Z"), p.updatedAt());
    }

    @Test
    void updatedAtIncreasesWhenCancelledAtCreationInstant() {
        Payment p = payment(Scenario.APPROVE);
        PaymentTransaction t = p.cancel(null, T0);
        assertTrue(p.updatedAt().isAfter(p.createdAt()));
        assertEquals(p.updatedAt(), t.createdAt());
    }

    @Test
    void jpyPaymentKeepsWholeUnits() {
        Payment p = payment("1000", "jpy", Scenario.APPROVE);
        assertEquals("JPY", p.currency());
        assertEquals("1000", p.amount().toPlainString());
        Consumer<Payment> complete = x -> {
            x.startProcessing(T0);
            x.settle(T0, VALIDITY, VALIDITY);
        };
        complete.accept(p);
        p.applyRefund(dec("1000"), T0);
        assertEquals(PaymentStatus.REFUNDED, p.status());
    }

    @Test
    void onlyItsOwnMerchantSeesAPaymentUnlessAuthenticationIsOff() {
        Payment p = payment(Scenario.APPROVE);
        assertTrue(p.visibleTo("merchant_1"));
        assertFalse(p.visibleTo("merchant_2"));
        assertTrue(p.visibleTo(null));
    }

    private static Payment authorized(String amount) {
        Payment p = Payment.create(
                "merchant_1",
                "order_1",
                Money.of(new BigDecimal(amount), "USD"),
                PaymentMethod.CREDIT_CARD,
                CaptureMethod.MANUAL,
                Card.from("4242424242424242", 12, 2030),
                null,
                Scenario.APPROVE,
                null,
                null,
                null,
                null,
                T0);
        p.startProcessing(T0);
        PaymentTransaction t = p.settle(T0, VALIDITY, VALIDITY);
        assertEquals(TransactionType.AUTHORIZATION, t.type());
        return p;
    }

    @Test
    void aManualPaymentIsAuthorisedUntilItsValidityRunsOut() {
        Payment p = authorized("100.00");
        assertEquals(PaymentStatus.AUTHORIZED, p.status());
        assertEquals(0, p.amountCapturable().compareTo(new BigDecimal("100.00")));
        assertEquals(0, p.amountCaptured().signum());
        assertEquals(p.updatedAt().plus(VALIDITY), p.captureBefore());
        assertThrows(InvalidPaymentTransition.class, p::requireRefundable);
    }

    @Test
    void aPartialCaptureTakesThatMuchAndBoundsTheRefunds() {
        Payment p = authorized("100.00");
        PaymentTransaction t = p.capture(dec("60.00"), T0.plusSeconds(5));
        assertEquals(TransactionType.CAPTURE, t.type());
        assertEquals(0, t.amount().compareTo(dec("60.00")));
        assertEquals(PaymentStatus.COMPLETED, p.status());
        assertEquals(0, p.amountCaptured().compareTo(dec("60.00")));
        assertEquals(0, p.amountCapturable().signum());
        assertNull(p.captureBefore());
        p.applyRefund(dec("60.00"), T0.plusSeconds(6));
        assertEquals(PaymentStatus.REFUNDED, p.status());
    }

    @Test
    void aRefundBeyondTheCaptureIsRefused() {
        Payment p = authorized("100.00");
        p.capture(dec("60.00"), T0);
        assertThrows(IllegalStateException.class, () -> p.applyRefund(dec("60.01"), T0));
    }

    @Test
    void aCaptureOfNothingOrOfMoreThanAuthorisedIsRefused() {
        Payment p = authorized("100.00");
        assertThrows(CaptureExceedsAuthorization.class, () -> p.capture(dec("100.01"), T0));
        assertThrows(CaptureExceedsAuthorization.class, () -> p.capture(dec("0"), T0));
        assertEquals(PaymentStatus.AUTHORIZED, p.status());
        p.capture(null, T0);
        assertEquals(0, p.amountCaptured().compareTo(dec("100.00")));
    }

    @Test
    void onlyAnAuthorisedPaymentIsCaptured() {
        Payment p = payment(Scenario.APPROVE);
        p.startProcessing(T0);
        p.settle(T0, VALIDITY, VALIDITY);
        assertEquals(0, p.amountCaptured().compareTo(p.amount()));
        InvalidPaymentTransition e = assertThrows(InvalidPaymentTransition.class, () -> p.capture(null, T0));
        assertTrue(e.getMessage().contains("completed"), e.getMessage());
    }

    @Test
    void aVoidCancelsTheAuthorisationWithItsReason() {
        Payment p = authorized("100.00");
        PaymentTransaction t = p.cancel("requested_by_customer", T0);
        assertEquals(TransactionType.VOID, t.type());
        assertEquals("Authorisation voided", t.responseMessage());
        assertEquals(PaymentStatus.CANCELLED, p.status());
        assertEquals("requested_by_customer", p.cancellationReason());
        assertEquals(0, p.amountCapturable().signum());
        assertThrows(InvalidPaymentTransition.class, () -> p.capture(null, T0));
    }

    @Test
    void anAuthorisationExpiresOnlyOnceDue() {
        Payment p = authorized("100.00");
        Instant due = p.captureBefore();
        assertThrows(InvalidPaymentTransition.class, () -> p.expire(due.minusMillis(1)));
        PaymentTransaction t = p.expire(due);
        assertEquals("Authorisation expired", t.responseMessage());
        assertEquals(PaymentStatus.CANCELLED, p.status());
        assertEquals(Payment.EXPIRED, p.cancellationReason());
    }
}
