package dev.paygate.access.control;

/**
 * A token bucket: {@code perSecond} tokens flow in each second, up to a capacity of one second's
 * worth, so a key may burst to its limit and then sustain it. Time is passed in, for tests.
 */
final class TokenBucket {

    private static final double NANOS = 1_000_000_000d;

    private final int perSecond;
    private double tokens;
    private long last;

    TokenBucket(int perSecond, long now) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.last = now;
    }

    synchronized RateLimiter.Decision take(long now) {
        tokens = Math.min(perSecond, tokens + (now - last) / NANOS * perSecond);
        last = now;
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        long reset = (long) Math.ceil((perSecond - tokens) / perSecond);
        return new RateLimiter.Decision(allowed, perSecond, (int) Math.floor(tokens), reset, retryAfter);
    }

    int perSecond() {
        return perSecond;
    }
}
