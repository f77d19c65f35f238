package dev.paygate.events.boundary;

import dev.paygate.platform.JsonbConfiguration;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An event as the API serves it and as webhooks carry it: the schema the API documents, and the
 * reference {@link #json} is held to.
 */
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

    /**
     * The event's JSON, the same bytes JSON-B writes for this record (EventBodyTest holds them to
     * it). The object is serialised as its own type and the envelope put around it: through the
     * envelope's {@code Object} field JSON-B looks the object's serialiser up and hashes the
     * envelope, the data and the object again on every event, which made up most of what an event
     * cost the gateway. The envelope's own values are ids, names and numbers the gateway made.
     */
    public static String json(
            String id,
            String type,
            String apiVersion,
            Instant created,
            String merchantId,
            int sequence,
            Object object,
            Map<String, Object> previousAttributes) {
        String objectJson = JsonbConfiguration.toJson(object);
        return new StringBuilder(objectJson.length() + 320)
                .append("{\"id\":\"")
                .append(id)
                .append("\",\"object\":\"event\",\"type\":\"")
                .append(type)
                .append("\",\"api_version\":\"")
                .append(apiVersion)
                .append("\",\"created\":\"")
                .append(created)
                .append("\",\"merchant_id\":")
                .append(JsonbConfiguration.string(merchantId))
                .append(",\"sequence\":")
                .append(sequence)
                .append(",\"data\":{\"object\":")
                .append(objectJson)
                .append(",\"previous_attributes\":")
                .append(previousAttributes.isEmpty() ? "{}" : JsonbConfiguration.toJson(previousAttributes))
                .append("}}")
                .toString();
    }
}
