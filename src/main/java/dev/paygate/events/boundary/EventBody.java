package dev.paygate.events.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event as the API serves it and as webhooks carry it. */
@Schema(name = "Event")
@JsonbPropertyOrder({"id", "object", "type", "apiVersion", "created", "merchantId", "sequence", "data"})
public record EventBody(
        @Schema(example = "evt_4bN8qW2xLr7TzK1mN6cV3hJd") String id,
        @Schema(example = "event") String object,
        @Schema(example = "payment.completed") String type,

        @Schema(name = "api_version", example = "2026-12-01")
        String apiVersion,

        @Schema(example = "2026-12-03T10:15:02.512345Z") Instant created,

        @Schema(name = "merchant_id", example = "merchant_123")
        String merchantId,

        @Schema(description = "The events of one object count from 1, in the order they happened", example = "3")
        int sequence,

        Data data) {

    @Schema(name = "EventData")
    @JsonbPropertyOrder({"object", "previousAttributes"})
    public record Data(
            @Schema(description = "The payment or refund as the API returned it at that moment")
            Object object,

            @Schema(
                    name = "previous_attributes",
                    description = "The values that changed, as they were before; empty for *.created")
            Map<String, Object> previousAttributes) {}
}
