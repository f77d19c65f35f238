package dev.paygate.events.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookEndpointList")
@JsonbPropertyOrder({"data", "hasMore"})
public record WebhookEndpointPage(
        List<WebhookEndpointResponse> data,
        @Schema(name = "has_more") boolean hasMore) {}
