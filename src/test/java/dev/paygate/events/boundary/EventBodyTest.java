package dev.paygate.events.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paygate.payments.boundary.PaymentResponse;
import dev.paygate.payments.entity.CaptureMethod;
import dev.paygate.payments.entity.Card;
import dev.paygate.payments.entity.Money;
import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentMethod;
import dev.paygate.payments.entity.Scenario;
import dev.paygate.platform.JsonbConfiguration;
import dev.paygate.refunds.boundary.RefundResponse;
import dev.paygate.refunds.entity.Refund;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payload the outbox writes is byte for byte what JSON-B writes for the documented record. */
class EventBodyTest {

    /** How long an authorisation stays capturable. */
    static final Duration VALIDITY = Duration.ofDays(7);

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");

    private static Payment payment(String description) {
        return Payment.create(
                "merchant_1",
                "order \"1\" ✓",
                Money.of(new BigDecimal("1234.50"), "EUR"),
                PaymentMethod.CREDIT_CARD,
                CaptureMethod.AUTOMATIC,
                Card.from("4111 1111 1111 1111", 12, 2030),
                null,
                Scenario.APPROVE,
                description,
                null,
                "Zoë \\ O'Brien\n",
                null,
                T0);
    }

    private static void assertSameAsJsonb(
            String merchantId, int sequence, Instant at, Object object, Map<String, Object> previous) {
        String id = "evt_4bN8qW2xLr7TzK1mN6cV3hJd";
        assertEquals(
                JsonbConfiguration.toJson(new EventBody(
                        id,
                        "event",
                        "payment.completed",
                        Outbox.API_VERSION,
                        at,
                        merchantId,
                        sequence,
                        new EventBody.Data(object, previous))),
                EventBody.json(
                        id, "payment.completed", Outbox.API_VERSION, at, merchantId, sequence, object, previous));
    }

    @Test
    void aCreatedPaymentEventIsWhatJsonbWrites() {
        assertSameAsJsonb("merchant_1", 1, T0, PaymentResponse.from(payment(null)), Map.of());
    }

    @Test
    void aChangedPaymentEventIsWhatJsonbWrites() {
        Payment payment = payment("Tea & \"cake\" <b>\u0001</b>");
        payment.startProcessing(T0.plusMillis(1));
        payment.settle(Instant.parse("2026-03-01T10:15:31Z"), VALIDITY, VALIDITY);
        assertSameAsJsonb(
                "merchant.with-odd_chars",
                3,
                payment.updatedAt(),
                PaymentResponse.from(payment),
                Map.of("status", "processing"));
    }

    @Test
    void aRefundEventIsWhatJsonbWrites() {
        Payment payment = payment("refunded");
        payment.startProcessing(T0);
        payment.settle(T0, VALIDITY, VALIDITY);
        Refund refund = Refund.request(payment, null, BigDecimal.ZERO, "requested_by_customer", T0);
        assertSameAsJsonb("m", 12, Instant.parse("2026-03-01T10:15:30Z"), RefundResponse.from(refund), Map.of());
    }
}
