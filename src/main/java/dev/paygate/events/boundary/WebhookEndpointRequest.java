package dev.paygate.events.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new endpoint, or the fields of one to change (those left out stay as they are). */
@Schema(name = "WebhookEndpointRequest")
public record WebhookEndpointRequest(
        @Schema(example = "https://shop.example.com/webhooks/paygate", description = "http or https")
        String url,

        @Schema(
                name = "enabled_events",
                example = "[\"payment.*\", \"refund.succeeded\"]",
                description = "Types, `*`, or wildcards such as `payment.*`; default `[\"*\"]`")
        List<String> enabledEvents,

        @Schema(nullable = true, maxLength = 500) String description,

        @Schema(
                enumeration = {"enabled", "disabled"},
                description = "Only when changing an endpoint")
        String status) {}
