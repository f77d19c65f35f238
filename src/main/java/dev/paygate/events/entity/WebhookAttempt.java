package dev.paygate.events.entity;

import dev.paygate.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One try at a delivery, kept for the delivery log. */
@Entity
@Table(name = "webhook_attempts")
public class WebhookAttempt {

    @Id
    private String id;

    @Column(name = "delivery_id")
    private String deliveryId;

    @Column(name = "attempted_at")
    private Instant attemptedAt;

    private boolean succeeded;

    @Column(name = "http_status")
    private Integer httpStatus;

    private String error;

    @Column(name = "latency_ms")
    private long latencyMs;

    @Column(name = "response_body")
    private String responseBody;

    @Column(name = "next_retry_at")
    private Instant nextRetryAt;

    protected WebhookAttempt() {}

    public WebhookAttempt(
            String deliveryId,
            Instant attemptedAt,
            boolean succeeded,
            Integer httpStatus,
            String error,
            long latencyMs,
            String responseBody,
            Instant nextRetryAt) {
        this.id = Ids.next("wha");
        this.deliveryId = deliveryId;
        this.attemptedAt = attemptedAt.truncatedTo(ChronoUnit.MICROS);
        this.succeeded = succeeded;
        this.httpStatus = httpStatus;
        this.error = error == null || error.length() <= 500 ? error : error.substring(0, 500);
        this.latencyMs = latencyMs;
        this.responseBody = responseBody;
        this.nextRetryAt = nextRetryAt == null ? null : nextRetryAt.truncatedTo(ChronoUnit.MICROS);
    }

    public String id() {
        return id;
    }

    public String deliveryId() {
        return deliveryId;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public boolean succeeded() {
        return succeeded;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String error() {
        return error;
    }

    public long latencyMs() {
        return latencyMs;
    }

    public String responseBody() {
        return responseBody;
    }

    public Instant nextRetryAt() {
        return nextRetryAt;
    }
}
