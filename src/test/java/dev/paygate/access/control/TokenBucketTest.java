package dev.paygate.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 5 * SECOND;

    @Test
    void aFullSecondsWorthMayBurstAtOnceThenTheNextIsRefused() {
        TokenBucket bucket = new TokenBucket(5, T0);
        for (int i = 1; i <= 5; i++) {
            RateLimiter.Decision d = bucket.take(T0);
            assertTrue(d.allowed(), "request " + i + " of 5 at the same instant");
            assertEquals(5, d.limit());
            assertEquals(5 - i, d.remaining());
            assertEquals(0, d.retryAfterSeconds());
        }
        RateLimiter.Decision refused = bucket.take(T0);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(5, refused.limit());
    }

    @Test
    void capacityIsOneSecondsWorthEvenAfterALongIdle() {
        TokenBucket bucket = new TokenBucket(3, T0);
        long later = T0 + 3600 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertTrue(bucket.take(later).allowed());
        }
        assertFalse(bucket.take(later).allowed(), "an hour idle does not save up more than one second's worth");
    }

    @Test
    void tokensFlowBackAtTheConfiguredRate() {
        TokenBucket bucket = new TokenBucket(4, T0);
        for (int i = 0; i < 4; i++) {
            bucket.take(T0);
        }
        assertFalse(bucket.take(T0).allowed());
        assertFalse(bucket.take(T0 + SECOND / 8).allowed(), "half a token after 125 ms");
        assertTrue(bucket.take(T0 + SECOND / 4).allowed(), "one token after 250 ms");
        assertFalse(bucket.take(T0 + SECOND / 4).allowed(), "and only one");

        RateLimiter.Decision afterSecond = bucket.take(T0 + SECOND / 4 + SECOND);
        assertTrue(afterSecond.allowed());
        assertEquals(3, afterSecond.remaining(), "a full bucket again, less this request");
    }

    @Test
    void refusedRequestIsToldToRetryAfterAtLeastOneSecond() {
        TokenBucket fast = new TokenBucket(1000, T0);
        for (int i = 0; i < 1000; i++) {
            fast.take(T0);
        }
        RateLimiter.Decision refused = fast.take(T0);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds(), "a millisecond's wait is still announced as 1 second");

        TokenBucket slow = new TokenBucket(1, T0);
        assertTrue(slow.take(T0).allowed());
        RateLimiter.Decision slowRefused = slow.take(T0 + SECOND / 10);
        assertFalse(slowRefused.allowed());
        assertEquals(1, slowRefused.retryAfterSeconds());
        assertTrue(slow.take(T0 + SECOND / 10 + SECOND).allowed(), "retrying after the announced time succeeds");
    }

    @Test
    void resetIsTheWholeSecondsUntilTheBucketIsFull() {
        TokenBucket bucket = new TokenBucket(2, T0);
        RateLimiter.Decision first = bucket.take(T0);
        assertEquals(1, first.resetSeconds(), "half a second to get the token back, rounded up");
        RateLimiter.Decision second = bucket.take(T0);
        assertEquals(1, second.resetSeconds());
        assertEquals(0, second.remaining());

        RateLimiter.Decision refused = bucket.take(T0);
        assertFalse(refused.allowed());
        assertEquals(1, refused.resetSeconds());
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void remainingCountsOnlyWholeTokens() {
        TokenBucket bucket = new TokenBucket(10, T0);
        for (int i = 0; i < 10; i++) {
            bucket.take(T0);
        }
        // 150 ms later 1.5 tokens have flowed in: this request takes one, half a token is left.
        RateLimiter.Decision d = bucket.take(T0 + 150_000_000L);
        assertTrue(d.allowed());
        assertEquals(0, d.remaining());
    }
}
