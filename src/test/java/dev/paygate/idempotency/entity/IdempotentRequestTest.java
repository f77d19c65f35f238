package dev.paygate.idempotency.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotentRequestTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration LOCK = Duration.ofSeconds(60);

    private static IdempotentRequest started() {
        return IdempotentRequest.start("merchant_1", "order-1-attempt", "fp_a", T0, RETENTION);
    }

    @Test
    void startedRequestIsInProgressUntilItsRetentionEnds() {
        IdempotentRequest r = started();
        assertTrue(r.id().startsWith("idem_"), r.id());
        assertEquals("merchant_1", r.scope());
        assertEquals("order-1-attempt", r.key());
        assertEquals("fp_a", r.fingerprint());
        assertFalse(r.completed());
        assertEquals(T0, r.createdAt());
        assertEquals(T0.plus(RETENTION), r.expiresAt());
        assertNull(r.responseStatus());
        assertNull(r.responseBody());
        assertNull(r.responseLocation());
    }

    @Test
    void eachStartGetsItsOwnId() {
        assertNotEquals(started().id(), started().id());
    }

    @Test
    void completeStoresTheAnswer() {
        IdempotentRequest r = started();
        r.complete(201, "{\"id\":\"pay_1\"}", "http://localhost/api/v1/payments/pay_1");
        assertTrue(r.completed());
        assertEquals(201, r.responseStatus());
        assertEquals("{\"id\":\"pay_1\"}", r.responseBody());
        assertEquals("http://localhost/api/v1/payments/pay_1", r.responseLocation());
    }

    @Test
    void completingTwiceIsRefusedAndKeepsTheFirstAnswer() {
        IdempotentRequest r = started();
        r.complete(201, "{\"id\":\"pay_1\"}", null);
        assertThrows(IllegalStateException.class, () -> r.complete(500, "{}", null));
        assertEquals(201, r.responseStatus());
        assertEquals("{\"id\":\"pay_1\"}", r.responseBody());
    }

    @Test
    void sameRequestComparesFingerprints() {
        IdempotentRequest r = started();
        assertTrue(r.sameRequest("fp_a"));
        assertFalse(r.sameRequest("fp_b"));
        assertFalse(r.sameRequest(null));
    }

    @Test
    void completedRequestIsKeptUntilItsRetentionEnds() {
        IdempotentRequest r = started();
        r.complete(201, "{}", null);
        assertFalse(r.reusable(T0, LOCK));
        assertFalse(r.reusable(T0.plus(LOCK).plusSeconds(1), LOCK), "the lock timeout is only for running requests");
        assertFalse(r.reusable(T0.plus(RETENTION).minusNanos(1000), LOCK));
        assertTrue(r.reusable(T0.plus(RETENTION), LOCK));
        assertTrue(r.reusable(T0.plus(RETENTION).plusSeconds(1), LOCK));
    }

    @Test
    void runningRequestIsGivenUpAfterTheLockTimeout() {
        IdempotentRequest r = started();
        assertFalse(r.reusable(T0, LOCK), "a retry while the first request runs must wait");
        assertFalse(r.reusable(T0.plus(LOCK).minusMillis(1), LOCK));
        assertTrue(r.reusable(T0.plus(LOCK), LOCK), "a claim left behind by a crash is freed");
        assertTrue(r.reusable(T0.plus(RETENTION).plusSeconds(1), LOCK));
    }
}
