package dev.paygate.refunds.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When this instance last queued a stranded refund again, so that a refund that stays pending
 * (its settlement keeps failing and its messages end in the dead-letter queue) is queued once per
 * interval, not at every check. Kept in memory: after a restart every stranded refund is queued
 * once more at once, which is what a restart should do.
 */
public final class RecentRequeues {

    private final Duration interval;
    private final Map<String, Instant> last = new ConcurrentHashMap<>();

    public RecentRequeues(Duration interval) {
        this.interval = interval;
    }

    /** Those of {@code pending} not queued again within the interval before {@code now}. */
    public List<String> due(List<String> pending, Instant now) {
        Instant since = now.minus(interval);
        return pending.stream()
                .filter(id -> {
                    Instant at = last.get(id);
                    return at == null || !at.isAfter(since);
                })
                .toList();
    }

    public void requeued(List<String> ids, Instant now) {
        ids.forEach(id -> last.put(id, now));
    }

    /** Forgets what is due again anyway, so that the memory holds one interval's re-queues at most. */
    public void forgetDue(Instant now) {
        Instant since = now.minus(interval);
        last.values().removeIf(at -> !at.isAfter(since));
    }

    public int size() {
        return last.size();
    }
}
