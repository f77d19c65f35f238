package dev.paygate.events.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

    private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

    private static WebhookEndpoint endpoint(List<String> events) {
        return WebhookEndpoint.create("merchant_1", "http://127.0.0.1/hook", events, null, false, T);
    }

    @Test
    void aRotatedSecretSignsUntilItExpires() {
        WebhookEndpoint e = endpoint(List.of("*"));
        String first = e.secret();
        assertTrue(first.startsWith("whsec_") && first.length() > 30, first);
        e.rotateSecret(T.plus(Duration.ofHours(24)), T);
        assertNotEquals(first, e.secret());
        assertEquals(List.of(e.secret(), first), e.secretsAt(T.plusSeconds(60)));
        assertEquals(List.of(e.secret()), e.secretsAt(T.plus(Duration.ofHours(24))));
    }

    @Test
    void aRotationThatEndsTheCurrentSecretNowKeepsOnlyTheNewOne() {
        WebhookEndpoint e = endpoint(List.of("*"));
        e.rotateSecret(T, T);
        assertEquals(List.of(e.secret()), e.secretsAt(T));
        assertNull(e.previousSecretExpiresAt());
    }

    @Test
    void itTakesTheTypesItsPatternsName() {
        WebhookEndpoint e = endpoint(List.of("refund.*", "payment.failed"));
        assertTrue(e.takes(EventType.REFUND_CREATED));
        assertTrue(e.takes(EventType.PAYMENT_FAILED));
        assertFalse(e.takes(EventType.PAYMENT_COMPLETED));
    }

    @Test
    void enablingClearsTheReasonItWasDisabled() {
        WebhookEndpoint e = endpoint(List.of("*"));
        e.disable("410 Gone", T);
        assertFalse(e.isEnabled());
        assertEquals("410 Gone", e.disabledReason());
        e.enable(T.plusSeconds(1));
        assertTrue(e.isEnabled());
        assertNull(e.disabledReason());
    }

    @Test
    void aClaimedDeliveryIsDueAgainAfterItsLeaseAndRetriesUntilItsScheduleEnds() {
        WebhookDelivery d = WebhookDelivery.of("evt_1", EventType.PAYMENT_CREATED, "we_1", "merchant_1", T);
        assertEquals(T, d.nextAttemptAt());
        d.claim(T, Duration.ofSeconds(40));
        assertEquals(1, d.attemptCount());
        assertEquals(T.plusSeconds(40), d.nextAttemptAt());
        d.fail(T.plusSeconds(60), T.plusSeconds(1));
        assertTrue(d.isPending());
        assertEquals(T.plusSeconds(60), d.nextAttemptAt());
        d.claim(T.plusSeconds(60), Duration.ofSeconds(40));
        d.fail(null, T.plusSeconds(61));
        assertEquals(WebhookDelivery.Status.FAILED, d.status());
        assertNull(d.nextAttemptAt());
    }
}
