package dev.paygate.settlement.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class SettlementDaysTest {

    @Test
    void byDefaultASettlementDayIsTheUtcDay() {
        SettlementDays days = SettlementDays.withCutoff(LocalTime.MIDNIGHT);
        assertEquals(LocalDate.parse("2026-12-02"), days.dayOf(Instant.parse("2026-12-02T00:00:00Z")));
        assertEquals(LocalDate.parse("2026-12-02"), days.dayOf(Instant.parse("2026-12-02T23:59:59.999999Z")));
        assertEquals(Instant.parse("2026-12-03T00:00:00Z"), days.end(LocalDate.parse("2026-12-02")));
        assertEquals(LocalDate.parse("2026-12-01"), days.lastEnded(Instant.parse("2026-12-02T00:00:01Z")));
    }

    @Test
    void withACutoffWhatHappensFromItOnBelongsToTheNextDay() {
        SettlementDays days = SettlementDays.withCutoff(LocalTime.of(18, 0));
        assertEquals(LocalDate.parse("2026-12-02"), days.dayOf(Instant.parse("2026-12-02T17:59:59Z")));
        assertEquals(LocalDate.parse("2026-12-03"), days.dayOf(Instant.parse("2026-12-02T18:00:00Z")));
        assertEquals(Instant.parse("2026-12-02T18:00:00Z"), days.end(LocalDate.parse("2026-12-02")));
        assertEquals(LocalDate.parse("2026-12-02"), days.lastEnded(Instant.parse("2026-12-02T18:00:00Z")));
        assertEquals(LocalDate.parse("2026-12-01"), days.lastEnded(Instant.parse("2026-12-02T17:59:59Z")));
    }

    @Test
    void everyInstantIsBeforeTheEndOfItsDayAndNotBeforeTheEndOfTheDayBefore() {
        SettlementDays days = SettlementDays.withCutoff(LocalTime.of(6, 30));
        for (long s = 0; s < 3 * 86_400; s += 977) {
            Instant at = Instant.parse("2026-12-01T00:00:00Z").plusSeconds(s);
            LocalDate day = days.dayOf(at);
            assertEquals(true, at.isBefore(days.end(day)), at::toString);
            assertEquals(false, at.isBefore(days.end(day.minusDays(1))), at::toString);
        }
    }
}
