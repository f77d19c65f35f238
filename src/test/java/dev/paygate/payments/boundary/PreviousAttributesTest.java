package dev.paygate.payments.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.payments.entity.CaptureMethod;
import dev.paygate.payments.entity.Card;
import dev.paygate.payments.entity.Money;
import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentMethod;
import dev.paygate.payments.entity.Scenario;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An event's previous_attributes: every field the step changed, as the API showed it before. */
class PreviousAttributesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private static Payment processing(Scenario scenario, CaptureMethod capture) {
        Payment p = Payment.create(
                "m",
                "o",
                Money.of(new BigDecimal("100"), "EUR"),
                PaymentMethod.CREDIT_CARD,
                capture,
                Card.from("4000000000003220", 12, 2030),
                null,
                scenario,
                null,
                null,
                null,
                "https://shop.example/back",
                T0);
        p.startProcessing(T0);
        return p;
    }

    @Test
    void aCaptureWasAuthorisedWithEverythingCapturable() {
        Payment p = processing(Scenario.APPROVE, CaptureMethod.MANUAL);
        p.settle(T0, WEEK, WEEK);
        Payment.Seen before = p.seen();
        p.capture(new BigDecimal("60.00"), T0.plusSeconds(1));
        Map<String, Object> previous = PaymentResponse.previous(before, p);
        assertEquals(
                List.of("status", "amount_capturable", "amount_captured", "capture_before"),
                List.copyOf(previous.keySet()));
        assertEquals("authorized", previous.get("status"));
        assertEquals(new BigDecimal("100.00"), previous.get("amount_capturable"));
        assertEquals(new BigDecimal("0.00"), previous.get("amount_captured"));
        assertEquals(before.captureBefore(), previous.get("capture_before"));
    }

    @Test
    void anAnsweredChallengeHadItsPageAndNoResult() {
        Payment p = processing(Scenario.CHALLENGE_APPROVE, CaptureMethod.AUTOMATIC);
        p.settle(T0, WEEK, WEEK);
        Payment.Seen before = p.seen();
        p.authenticate(false, T0.plusSeconds(1));
        Map<String, Object> previous = PaymentResponse.previous(before, p);
        assertEquals("requires_action", previous.get("status"));
        assertTrue(previous.containsKey("failure_code") && previous.get("failure_code") == null, previous::toString);
        PaymentResponse.NextAction page = (PaymentResponse.NextAction) previous.get("next_action");
        assertTrue(page.redirectToUrl().url().contains("/pay/" + p.id() + "/"), page::toString);
        PaymentResponse.ThreeDSecure secure = (PaymentResponse.ThreeDSecure) previous.get("three_d_secure");
        assertEquals("challenge", secure.flow());
        assertNull(secure.result());
    }

    @Test
    void aStepThatChangesOnlyTheStatusSaysOnlyThat() {
        Payment p = Payment.create(
                "m",
                "o",
                Money.of(new BigDecimal("5"), "USD"),
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
        Payment.Seen before = p.seen();
        p.startProcessing(T0);
        assertEquals(Map.of("status", "pending"), PaymentResponse.previous(before, p));
    }
}
