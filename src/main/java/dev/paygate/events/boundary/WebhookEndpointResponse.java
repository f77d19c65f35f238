package dev.paygate.events.boundary;

import dev.paygate.events.entity.WebhookEndpoint;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint as the API shows it; its secret only in the answers that create or rotate it. */
@Schema(name = "WebhookEndpoint")
@JsonbPropertyOrder({
    "id",
    "object",
    "url",
    "enabledEvents",
    "description",
    "status",
    "disabledReason",
    "merchantDefault",
    "secret",
    "previousSecretExpiresAt",
    "createdAt",
    "updatedAt"
})
public record WebhookEndpointResponse(
        @Schema(example = "we_7kP2mQ9xLr4TzW1bN6cV3hJd") String id,
        @Schema(example = "webhook_endpoint") String object,
        String url,
        @Schema(name = "enabled_events") List<String> enabledEvents,
        @Schema(nullable = true) String description,
        @Schema(enumeration = {"enabled", "disabled"}) String status,

        @Schema(name = "disabled_reason", nullable = true, description = "Why the gateway disabled it")
        String disabledReason,

        @Schema(name = "merchant_default", description = "The endpoint of the merchant's webhook_url")
        boolean merchantDefault,

        @Schema(description = "whsec_…: only in the answers that create the endpoint or rotate its secret")
        @JsonbNillable(false)
        String secret,

        @Schema(
                name = "previous_secret_expires_at",
                nullable = true,
                description = "Until then, deliveries are signed with the rotated secret too")
        Instant previousSecretExpiresAt,

        @Schema(name = "created_at") Instant createdAt,
        @Schema(name = "updated_at") Instant updatedAt) {

    public static WebhookEndpointResponse from(WebhookEndpoint e, Instant now) {
        return of(e, null, now);
    }

    /** With its secret: the answer that created the endpoint or rotated the secret. */
    public static WebhookEndpointResponse withSecret(WebhookEndpoint e, Instant now) {
        return of(e, e.secret(), now);
    }

    private static WebhookEndpointResponse of(WebhookEndpoint e, String secret, Instant now) {
        Instant previous = e.previousSecretExpiresAt();
        return new WebhookEndpointResponse(
                e.id(),
                "webhook_endpoint",
                e.url(),
                e.enabledEvents(),
                e.description(),
                e.status().wire(),
                e.disabledReason(),
                e.merchantDefault(),
                secret,
                previous != null && previous.isAfter(now) ? previous : null,
                e.createdAt(),
                e.updatedAt());
    }
}
