package dev.paygate.refunds.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentRequeuesTest {

    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aRefundQueuedAgainIsNotQueuedAgainUntilTheIntervalHasPassed() {
        RecentRequeues recent = new RecentRequeues(Duration.ofSeconds(60));
        assertEquals(List.of("re_1", "re_2"), recent.due(List.of("re_1", "re_2"), start), "never queued again: due");
        recent.requeued(List.of("re_1"), start);
        assertEquals(List.of("re_2"), recent.due(List.of("re_1", "re_2"), start.plusSeconds(59)));
        assertEquals(List.of("re_1", "re_2"), recent.due(List.of("re_1", "re_2"), start.plusSeconds(60)));
    }

    @Test
    void itRemembersOneIntervalAtMost() {
        RecentRequeues recent = new RecentRequeues(Duration.ofSeconds(60));
        recent.requeued(List.of("re_1", "re_2"), start);
        recent.requeued(List.of("re_3"), start.plusSeconds(30));
        recent.forgetDue(start.plusSeconds(59));
        assertEquals(3, recent.size());
        recent.forgetDue(start.plusSeconds(60));
        assertEquals(1, recent.size(), "re_1 and re_2 are due again, so nothing need be kept of them");
        assertEquals(List.of("re_1"), recent.due(List.of("re_1", "re_3"), start.plusSeconds(60)));
    }
}
