package dev.paygate.events.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a failed delivery is tried again: after each wait of the schedule in turn
 * ({@code 1m,5m,30m,...}), each varied by up to 10 % either way so that the retries of many
 * deliveries to an endpoint that was down do not all arrive at the same moment.
 */
public final class RetrySchedule {

    private static final Pattern WAIT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private final List<Duration> waits;

    private RetrySchedule(List<Duration> waits) {
        this.waits = List.copyOf(waits);
    }

    /** Parses {@code 500ms,5s,2m,1h,1d}; an empty text means no retries. */
    public static RetrySchedule parse(String text) {
        List<Duration> waits = new ArrayList<>();
        for (String part : text.split(",")) {
            String wait = part.trim().toLowerCase(Locale.ROOT);
            if (wait.isEmpty()) {
                continue;
            }
            Matcher m = WAIT.matcher(wait);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a wait such as 30s, 5m or 2h: '" + part.trim() + "'");
            }
            long n = Long.parseLong(m.group(1));
            waits.add(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
        }
        return new RetrySchedule(waits);
    }

    /** When to try again after the {@code attempts}-th attempt failed at {@code now}; null when the schedule is used up. */
    public Instant retryAt(int attempts, Instant now) {
        if (attempts < 1 || attempts > waits.size()) {
            return null;
        }
        long ms = waits.get(attempts - 1).toMillis();
        long jitter = ms / 10;
        long varied = jitter == 0 ? ms : ms + ThreadLocalRandom.current().nextLong(-jitter, jitter + 1);
        return now.plusMillis(varied);
    }

    /** The whole schedule, without its variation. */
    public Duration total() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    public int retries() {
        return waits.size();
    }
}
