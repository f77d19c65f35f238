package dev.paygate.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void theDefaultRunsAboutThreeDays() {
        RetrySchedule schedule = RetrySchedule.parse("1m,5m,30m,2h,5h,10h,12h,12h,12h,12h");
        assertEquals(10, schedule.retries());
        long hours = schedule.total().toHours();
        assertTrue(hours >= 65 && hours <= 80, schedule.total()::toString);
    }

    @Test
    void eachWaitComesInTurnVariedByAtMostATenth() {
        RetrySchedule schedule = RetrySchedule.parse(" 500ms, 10s ,2m,1h,1d");
        for (int i = 0; i < 200; i++) {
            assertBetween(schedule.retryAt(1, T), Duration.ofMillis(450), Duration.ofMillis(550));
            assertBetween(schedule.retryAt(2, T), Duration.ofSeconds(9), Duration.ofSeconds(11));
            assertBetween(
                    schedule.retryAt(5, T),
                    Duration.ofHours(21).plusMinutes(36),
                    Duration.ofHours(26).plusMinutes(24));
        }
    }

    @Test
    void afterTheLastWaitThereIsNoRetry() {
        RetrySchedule schedule = RetrySchedule.parse("1s,2s");
        assertNull(schedule.retryAt(3, T));
        assertNull(RetrySchedule.parse("").retryAt(1, T));
    }

    @Test
    void aWaitWithoutAUnitIsRefusedByName() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("5s,30,2m"));
        assertTrue(e.getMessage().contains("'30'"), e::getMessage);
    }

    private static void assertBetween(Instant at, Duration min, Duration max) {
        Duration wait = Duration.between(T, at);
        assertTrue(wait.compareTo(min) >= 0 && wait.compareTo(max) <= 0, wait::toString);
    }
}
