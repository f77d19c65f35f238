package dev.paygate.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.access.control.RateLimiter.Decision;
import dev.paygate.access.control.RateLimiter.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limiter reads the real clock; the limits here are small (at most 3 per second), so a
 * bucket emptied at once does not refill within the few milliseconds a test takes.
 */
class RateLimiterTest {

    private RateLimiter limiter;

    @BeforeEach
    void limiter() {
        limiter = new RateLimiter();
        limiter.readsPerSecond = 3;
        limiter.writesPerSecond = 2;
    }

    private int allowedInARow(String key, Kind kind, Integer override) {
        int allowed = 0;
        while (limiter.take(key, kind, override).allowed()) {
            allowed++;
            if (allowed > 1000) {
                throw new AssertionError("no limit");
            }
        }
        return allowed;
    }

    @Test
    void defaultLimitsApplyPerKind() {
        Decision read = limiter.take("key_a", Kind.READ, null);
        assertTrue(read.allowed());
        assertEquals(3, read.limit());
        assertEquals(2, read.remaining());

        Decision write = limiter.take("key_a", Kind.WRITE, null);
        assertTrue(write.allowed());
        assertEquals(2, write.limit());
        assertEquals(1, write.remaining());
    }

    @Test
    void readsAndWritesHaveSeparateBuckets() {
        assertEquals(3, allowedInARow("key_a", Kind.READ, null));
        Decision write = limiter.take("key_a", Kind.WRITE, null);
        assertTrue(write.allowed(), "using up the reads leaves the writes untouched");
        assertEquals(1, write.remaining());
        assertEquals(1, allowedInARow("key_a", Kind.WRITE, null));
        assertFalse(limiter.take("key_a", Kind.READ, null).allowed());
    }

    @Test
    void eachKeyHasItsOwnBuckets() {
        assertEquals(2, allowedInARow("key_a", Kind.WRITE, null));
        Decision other = limiter.take("key_b", Kind.WRITE, null);
        assertTrue(other.allowed(), "one key over its limit does not hold back another");
        assertEquals(1, other.remaining());
        assertFalse(limiter.take("key_a", Kind.WRITE, null).allowed());
    }

    @Test
    void refusalCarriesRetryAfter() {
        allowedInARow("key_a", Kind.WRITE, null);
        Decision refused = limiter.take("key_a", Kind.WRITE, null);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertTrue(refused.retryAfterSeconds() >= 1, "Retry-After " + refused.retryAfterSeconds());
    }

    @Test
    void merchantOverrideReplacesTheDefault() {
        Decision d = limiter.take("key_a", Kind.READ, 1);
        assertTrue(d.allowed());
        assertEquals(1, d.limit());
        assertFalse(limiter.take("key_a", Kind.READ, 1).allowed(), "1 per second, not the default 3");

        Decision higher = limiter.take("key_b", Kind.WRITE, 3);
        assertEquals(3, higher.limit());
        assertEquals(2, allowedInARow("key_b", Kind.WRITE, 3), "3 per second, not the default 2");
    }

    @Test
    void changedOverrideTakesEffect() {
        assertEquals(1, allowedInARow("key_a", Kind.WRITE, 1));
        Decision raised = limiter.take("key_a", Kind.WRITE, 3);
        assertTrue(raised.allowed(), "a raised limit applies to the next request");
        assertEquals(3, raised.limit());

        allowedInARow("key_a", Kind.WRITE, 3);
        Decision lowered = limiter.take("key_a", Kind.WRITE, 1);
        assertEquals(1, lowered.limit(), "a lowered limit applies to the next request");
        assertFalse(limiter.take("key_a", Kind.WRITE, 1).allowed());
    }

    @Test
    void removedOverrideGoesBackToTheDefault() {
        assertEquals(1, limiter.take("key_a", Kind.READ, 1).limit());
        Decision d = limiter.take("key_a", Kind.READ, null);
        assertEquals(3, d.limit());
    }
}
