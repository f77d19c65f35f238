package dev.paygate.settlement.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settlement days: UTC days, or, with a cut-off such as 18:00, days that end at that time (UTC) on
 * their date, so what happens from 18:00 belongs to the next day.
 */
@ApplicationScoped
public class SettlementDays {

    private final LocalTime cutoff;

    @Inject
    SettlementDays(@ConfigProperty(name = "paygate.settlement.cutoff", defaultValue = "00:00") String cutoff) {
        this.cutoff = LocalTime.parse(cutoff);
    }

    /** For the CDI proxy only. */
    protected SettlementDays() {
        this.cutoff = LocalTime.MIDNIGHT;
    }

    public static SettlementDays withCutoff(LocalTime cutoff) {
        return new SettlementDays(cutoff.toString());
    }

    /** The settlement day an instant belongs to. */
    public LocalDate dayOf(Instant at) {
        LocalDateTime t = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        boolean pastCutoff =
                !cutoff.equals(LocalTime.MIDNIGHT) && !t.toLocalTime().isBefore(cutoff);
        return pastCutoff ? t.toLocalDate().plusDays(1) : t.toLocalDate();
    }

    /** The first instant after the day: its items are those before it. */
    public Instant end(LocalDate day) {
        LocalDateTime end = cutoff.equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay() : day.atTime(cutoff);
        return end.toInstant(ZoneOffset.UTC);
    }

    /** The latest day that has ended at {@code now}. */
    public LocalDate lastEnded(Instant now) {
        return dayOf(now).minusDays(1);
    }
}
