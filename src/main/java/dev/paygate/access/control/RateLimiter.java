package dev.paygate.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Separate read and write token buckets per API key, kept in this instance's memory: with
 * several gateway instances behind a balancer, each enforces the limit on its own.
 */
@ApplicationScoped
public class RateLimiter {

    public enum Kind {
        READ,
        WRITE
    }

    /** Whether a request may go on, and the figures for its RateLimit headers. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {}

    private static final int MAX_BUCKETS = 100_000;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "paygate.rate.limit.read.per.second", defaultValue = "25")
    int readsPerSecond;

    @Inject
    @ConfigProperty(name = "paygate.rate.limit.write.per.second", defaultValue = "25")
    int writesPerSecond;

    /** Takes one token from the key's bucket; a merchant's override, when set, replaces the default. */
    public Decision take(String keyId, Kind kind, Integer override) {
        int perSecond = override != null ? override : kind == Kind.READ ? readsPerSecond : writesPerSecond;
        long now = System.nanoTime();
        String id = keyId + '/' + kind;
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.clear(); // idle keys lose their history, which only ever lets a request through
        }
        return buckets.compute(
                        id, (k, b) -> b == null || b.perSecond() != perSecond ? new TokenBucket(perSecond, now) : b)
                .take(now);
    }
}
