package dev.paygate.refunds.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.payments.entity.CaptureMethod;
import dev.paygate.payments.entity.Card;
import dev.paygate.payments.entity.InvalidPaymentTransition;
import dev.paygate.payments.entity.Money;
import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentMethod;
import dev.paygate.payments.entity.PaymentStatus;
import dev.paygate.payments.entity.Scenario;
import dev.paygate.problems.ErrorType;
import dev.paygate.problems.FieldError;
import dev.paygate.problems.InvalidRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefundTest {

    /** How long an authorisation stays capturable. */
    static final Duration VALIDITY = Duration.ofDays(7);

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");

    private static Payment pending(String amount, String currency, Scenario scenario) {
        return Payment.create(
                "merchant_1",
                "order_1",
                Money.of(new BigDecimal(amount), currency),
                PaymentMethod.CREDIT_CARD,
                CaptureMethod.AUTOMATIC,
                Card.from("4111111111111111", 12, 2030),
                null,
                scenario,
                null,
                null,
                null,
                null,
                T0);
    }

    private static Payment completed(String amount, String currency) {
        Payment p = pending(amount, currency, Scenario.APPROVE);
        p.startProcessing(T0);
        p.settle(T0, VALIDITY, VALIDITY);
        return p;
    }

    private static Payment completed() {
        return completed("100.00", "USD");
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    @Test
    void nullAmountRefundsEverything() {
        Payment p = completed();
        Refund r = Refund.request(p, null, BigDecimal.ZERO, null, T0);
        assertEquals("100.00", r.amount().toPlainString());
        assertEquals("USD", r.currency());
        assertEquals(p.id(), r.paymentId());
        assertEquals(RefundStatus.PENDING, r.status());
        assertTrue(r.isPending());
        assertTrue(r.id().startsWith("re_"), r.id());
    }

    @Test
    void nullAmountRefundsWhatIsLeft() {
        Refund r = Refund.request(completed(), null, dec("30.00"), "requested_by_customer", T0);
        assertEquals("70.00", r.amount().toPlainString());
        assertEquals("requested_by_customer", r.reason());
    }

    @Test
    void partialAmountIsWrittenInTheMinorUnit() {
        Refund r = Refund.request(completed(), dec("25"), BigDecimal.ZERO, null, T0);
        assertEquals("25.00", r.amount().toPlainString());
        assertEquals(Instant.parse("2026-03-01T10:15:30.123456Z"), r.createdAt());
        assertEquals(r.createdAt(), r.updatedAt());
    }

    @Test
    void exactlyWhatIsLeftIsAccepted() {
        Refund r = Refund.request(completed(), dec("70.00"), dec("30.00"), null, T0);
        assertEquals(0, dec("70").compareTo(r.amount()));
    }

    @Test
    void jpyRefundHasNoDecimals() {
        Refund r = Refund.request(completed("1000", "JPY"), null, dec("250"), null, T0);
        assertEquals("750", r.amount().toPlainString());
        assertEquals("JPY", r.currency());
    }

    private static void assertExceeds(RefundExceedsPayment e) {
        assertEquals("amount", e.param());
        assertEquals("amount_exceeds_refundable", e.code());
        assertEquals(ErrorType.INVALID_REQUEST_ERROR, e.type());
        assertEquals(400, e.type().status());
        assertEquals(List.of(new FieldError("amount", "amount_exceeds_refundable", e.getMessage())), e.errors());
    }

    @Test
    void moreThanThePaymentIsRejected() {
        RefundExceedsPayment e = assertThrows(
                RefundExceedsPayment.class,
                () -> Refund.request(completed(), dec("100.01"), BigDecimal.ZERO, null, T0));
        assertExceeds(e);
        assertTrue(e.getMessage().contains("100.00 USD"), e.getMessage());
    }

    @Test
    void moreThanWhatIsLeftIsRejected() {
        RefundExceedsPayment e = assertThrows(
                RefundExceedsPayment.class, () -> Refund.request(completed(), dec("70.01"), dec("30.00"), null, T0));
        assertExceeds(e);
        assertTrue(e.getMessage().contains("70.01"), e.getMessage());
        assertTrue(e.getMessage().contains("70.00 USD"), e.getMessage());
        assertTrue(e instanceof InvalidRequest);
    }

    @Test
    void nothingLeftIsRejectedEvenWithoutAmount() {
        assertExceeds(assertThrows(
                RefundExceedsPayment.class, () -> Refund.request(completed(), null, dec("100.00"), null, T0)));
        assertExceeds(assertThrows(
                RefundExceedsPayment.class, () -> Refund.request(completed(), dec("0.01"), dec("100.00"), null, T0)));
    }

    @Test
    void zeroOrNegativeIsRejected() {
        assertExceeds(assertThrows(
                RefundExceedsPayment.class,
                () -> Refund.request(completed(), BigDecimal.ZERO, BigDecimal.ZERO, null, T0)));
        assertExceeds(assertThrows(
                RefundExceedsPayment.class, () -> Refund.request(completed(), dec("-5"), BigDecimal.ZERO, null, T0)));
    }

    @Test
    void onlyACompletedPaymentCanBeRefunded() {
        Payment pending = pending("100.00", "USD", Scenario.APPROVE);
        InvalidPaymentTransition e = assertThrows(
                InvalidPaymentTransition.class, () -> Refund.request(pending, null, BigDecimal.ZERO, null, T0));
        assertEquals(409, e.type().status());
        assertEquals("payment_invalid_state", e.code());

        Payment processing = pending("100.00", "USD", Scenario.APPROVE);
        processing.startProcessing(T0);
        assertThrows(
                InvalidPaymentTransition.class, () -> Refund.request(processing, dec("10"), BigDecimal.ZERO, null, T0));

        Payment failed = pending("100.00", "USD", Scenario.DECLINE_GENERIC);
        failed.startProcessing(T0);
        failed.settle(T0, VALIDITY, VALIDITY);
        assertEquals(PaymentStatus.FAILED, failed.status());
        assertThrows(
                InvalidPaymentTransition.class, () -> Refund.request(failed, dec("10"), BigDecimal.ZERO, null, T0));

        Payment cancelled = pending("100.00", "USD", Scenario.APPROVE);
        cancelled.cancel(null, T0);
        assertThrows(
                InvalidPaymentTransition.class, () -> Refund.request(cancelled, dec("10"), BigDecimal.ZERO, null, T0));

        Payment refunded = completed();
        refunded.applyRefund(dec("100.00"), T0);
        assertThrows(InvalidPaymentTransition.class, () -> Refund.request(refunded, null, dec("100.00"), null, T0));
    }

    @Test
    void stateCheckComesBeforeAmountCheck() {
        Payment pending = pending("100.00", "USD", Scenario.APPROVE);
        assertThrows(
                InvalidPaymentTransition.class, () -> Refund.request(pending, dec("500"), BigDecimal.ZERO, null, T0));
    }

    @Test
    void succeedSettlesOnce() {
        Refund r = Refund.request(completed(), dec("10"), BigDecimal.ZERO, null, T0);
        Instant later = T0.plusSeconds(2);
        r.succeed(later);
        assertEquals(RefundStatus.SUCCEEDED, r.status());
        assertFalse(r.isPending());
        assertEquals(Instant.parse("2026-03-01T10:15:32.123456Z"), r.updatedAt());
        assertEquals(Instant.parse("2026-03-01T10:15:30.123456Z"), r.createdAt());

        assertThrows(IllegalStateException.class, () -> r.succeed(later.plusSeconds(1)));
        assertEquals(RefundStatus.SUCCEEDED, r.status());
        assertEquals(Instant.parse("2026-03-01T10:15:32.123456Z"), r.updatedAt());
    }

    @Test
    void eachRefundGetsItsOwnId() {
        Payment p = completed();
        Refund a = Refund.request(p, dec("10"), BigDecimal.ZERO, null, T0);
        Refund b = Refund.request(p, dec("10"), dec("10"), null, T0);
        assertFalse(a.id().equals(b.id()));
    }

    @Test
    void aRefusedRefundFailsWithItsReasonOnce() {
        Refund r = Refund.request(completed(), dec("40.00"), BigDecimal.ZERO, null, T0);
        r.fail("expired_or_canceled_card", T0.plusSeconds(1));
        assertEquals(RefundStatus.FAILED, r.status());
        assertEquals("expired_or_canceled_card", r.failureReason());
        assertEquals(2, r.revision());
        assertThrows(IllegalStateException.class, () -> r.succeed(T0.plusSeconds(2)));
    }
}
