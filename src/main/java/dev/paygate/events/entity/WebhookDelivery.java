package dev.paygate.events.entity;

import dev.paygate.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * One event on its way to one endpoint: pending until an attempt succeeds or the retries run out.
 * A claimed delivery is due again after its claim's lease, so one whose sender died is sent by
 * another instance; each attempt's outcome is a {@link WebhookAttempt}.
 */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery {

    public enum Status {
        PENDING,
        SUCCEEDED,
        FAILED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    private String id;

    @Column(name = "event_id")
    private String eventId;

    @Column(name = "event_type")
    private String eventType;

    @Column(name = "endpoint_id")
    private String endpointId;

    @Column(name = "merchant_id")
    private String merchantId;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "attempt_count")
    private int attemptCount;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected WebhookDelivery() {}

    /** A delivery of the merchant's event to its endpoint, due now. */
    public static WebhookDelivery of(
            String eventId, EventType type, String endpointId, String merchantId, Instant now) {
        WebhookDelivery d = new WebhookDelivery();
        d.id = Ids.next("whd");
        d.eventId = eventId;
        d.eventType = type.wire();
        d.endpointId = endpointId;
        d.merchantId = merchantId;
        d.status = Status.PENDING;
        d.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        d.updatedAt = d.createdAt;
        d.nextAttemptAt = d.createdAt;
        return d;
    }

    /** Taken by a sender: due again only once {@code lease} has passed, should its sender never report. */
    public void claim(Instant now, Duration lease) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("delivery " + id + " is " + status);
        }
        attemptCount++;
        nextAttemptAt = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** The attempt succeeded: nothing more to send. */
    public void succeed(Instant now) {
        status = Status.SUCCEEDED;
        nextAttemptAt = null;
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** The attempt failed: tried again at {@code retryAt}, or, when null, never again. */
    public void fail(Instant retryAt, Instant now) {
        status = retryAt == null ? Status.FAILED : Status.PENDING;
        nextAttemptAt = retryAt == null ? null : retryAt.truncatedTo(ChronoUnit.MICROS);
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public String id() {
        return id;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String endpointId() {
        return endpointId;
    }

    public String merchantId() {
        return merchantId;
    }

    public Status status() {
        return status;
    }

    public int attemptCount() {
        return attemptCount;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
