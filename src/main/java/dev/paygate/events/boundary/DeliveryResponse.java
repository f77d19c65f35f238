package dev.paygate.events.boundary;

import dev.paygate.events.entity.WebhookAttempt;
import dev.paygate.events.entity.WebhookDelivery;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to one endpoint, with every attempt. */
@Schema(name = "WebhookDelivery")
@JsonbPropertyOrder({
    "id",
    "object",
    "eventId",
    "eventType",
    "endpointId",
    "status",
    "attemptCount",
    "nextAttemptAt",
    "createdAt",
    "attempts"
})
public record DeliveryResponse(
        @Schema(example = "whd_2xN8qW4mLr7TzK1bP6cV3hJd") String id,
        @Schema(example = "webhook_delivery") String object,
        @Schema(name = "event_id") String eventId,

        @Schema(name = "event_type", example = "payment.completed")
        String eventType,

        @Schema(name = "endpoint_id") String endpointId,

        @Schema(enumeration = {"pending", "succeeded", "failed"})
        String status,

        @Schema(name = "attempt_count") int attemptCount,

        @Schema(name = "next_attempt_at", nullable = true, description = "When it is sent (again), while pending")
        Instant nextAttemptAt,

        @Schema(name = "created_at") Instant createdAt,
        List<Attempt> attempts) {

    @Schema(name = "WebhookAttempt")
    @JsonbPropertyOrder({"attemptedAt", "succeeded", "httpStatus", "error", "latencyMs", "responseBody", "nextRetryAt"})
    public record Attempt(
            @Schema(name = "attempted_at") Instant attemptedAt,
            boolean succeeded,
            @Schema(name = "http_status", nullable = true) Integer httpStatus,

            @Schema(nullable = true, description = "Why there was no HTTP answer, or why it was not sent")
            String error,

            @Schema(name = "latency_ms") long latencyMs,

            @Schema(name = "response_body", nullable = true, description = "The first 1 KiB of the answer")
            String responseBody,

            @Schema(name = "next_retry_at", nullable = true) Instant nextRetryAt) {

        static Attempt from(WebhookAttempt a) {
            return new Attempt(
                    a.attemptedAt(),
                    a.succeeded(),
                    a.httpStatus(),
                    a.error(),
                    a.latencyMs(),
                    a.responseBody(),
                    a.nextRetryAt());
        }
    }

    public static DeliveryResponse from(WebhookDelivery d, List<WebhookAttempt> attempts) {
        return new DeliveryResponse(
                d.id(),
                "webhook_delivery",
                d.eventId(),
                d.eventType(),
                d.endpointId(),
                d.status().wire(),
                d.attemptCount(),
                d.nextAttemptAt(),
                d.createdAt(),
                attempts.stream().map(Attempt::from).toList());
    }
}
