package dev.paygate.settlement.entity;

import dev.paygate.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One run of the settlement job for a day (and perhaps one merchant), up to a fixed instant. The
 * instance running it holds a lease that each written chunk renews; a run whose lease has run out
 * while it is still RUNNING was left by an instance that stopped, and is resumed by another (or by
 * the same one after a restart).
 */
@Entity
@Table(name = "settlement_runs")
public class SettlementRun {

    /** How many times a run is started before it counts as failed. */
    public static final int MAX_ATTEMPTS = 5;

    public enum Status {
        RUNNING,
        COMPLETED,
        FAILED
    }

    public enum Trigger {
        SCHEDULE,
        ADMIN
    }

    @Id
    private String id;

    @Column(name = "settlement_date")
    private LocalDate date;

    @Column(name = "merchant_id")
    private String merchantId;

    @Column(name = "settled_until")
    private Instant settledUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind")
    private Trigger trigger;

    @Column(name = "schedule_key")
    private String scheduleKey;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    private int attempts;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    private String error;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected SettlementRun() {}

    public static SettlementRun start(
            LocalDate date, String merchantId, Instant settledUntil, Trigger trigger, Instant now, Duration lease) {
        SettlementRun r = new SettlementRun();
        r.id = Ids.next("strun");
        r.date = date;
        r.merchantId = merchantId;
        r.settledUntil = settledUntil;
        r.trigger = trigger;
        r.scheduleKey = trigger == Trigger.SCHEDULE ? date.toString() : null;
        r.status = Status.RUNNING;
        r.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        r.updatedAt = r.createdAt;
        r.leaseUntil = now.plus(lease);
        return r;
    }

    /** Another execution of the job takes the run up; false once it has been tried too often. */
    public boolean attempt(long executionId, Instant now, Duration lease) {
        if (status != Status.RUNNING) {
            throw new IllegalStateException("settlement run " + id + " is " + status);
        }
        attempts++;
        jobExecutionId = executionId;
        renew(now, lease);
        return attempts <= MAX_ATTEMPTS;
    }

    public void renew(Instant now, Duration lease) {
        leaseUntil = now.plus(lease);
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public boolean leaseExpired(Instant now) {
        return status == Status.RUNNING && leaseUntil != null && now.isAfter(leaseUntil);
    }

    public void complete(Instant now) {
        status = Status.COMPLETED;
        leaseUntil = null;
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public void fail(String why, Instant now) {
        status = Status.FAILED;
        leaseUntil = null;
        error = why == null ? null : why.substring(0, Math.min(500, why.length()));
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public boolean isRunning() {
        return status == Status.RUNNING;
    }

    public String id() {
        return id;
    }

    public LocalDate date() {
        return date;
    }

    public String merchantId() {
        return merchantId;
    }

    public Instant settledUntil() {
        return settledUntil;
    }

    public Trigger trigger() {
        return trigger;
    }

    public Status status() {
        return status;
    }

    public Long jobExecutionId() {
        return jobExecutionId;
    }

    public int attempts() {
        return attempts;
    }

    public String error() {
        return error;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
