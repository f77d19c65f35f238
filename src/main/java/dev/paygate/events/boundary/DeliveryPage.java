package dev.paygate.events.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDeliveryList")
@JsonbPropertyOrder({"data", "hasMore"})
public record DeliveryPage(
        List<DeliveryResponse> data,
        @Schema(name = "has_more") boolean hasMore) {}
