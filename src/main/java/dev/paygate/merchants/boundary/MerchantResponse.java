package dev.paygate.merchants.boundary;

import dev.paygate.merchants.entity.Merchant;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Merchant")
@JsonbPropertyOrder({
    "id",
    "object",
    "name",
    "status",
    "webhookUrl",
    "readRateLimit",
    "writeRateLimit",
    "createdAt",
    "updatedAt"
})
public record MerchantResponse(
        @Schema(example = "merchant_123") String id,
        @Schema(example = "merchant") String object,
        @Schema(example = "Acme Shop") String name,

        @Schema(
                example = "active",
                enumeration = {"active", "disabled"})
        String status,

        @Schema(name = "webhook_url", nullable = true) String webhookUrl,

        @Schema(name = "read_rate_limit", nullable = true, description = "null: the gateway's default")
        Integer readRateLimit,

        @Schema(name = "write_rate_limit", nullable = true, description = "null: the gateway's default")
        Integer writeRateLimit,

        @Schema(name = "created_at") Instant createdAt,
        @Schema(name = "updated_at") Instant updatedAt) {

    public static MerchantResponse from(Merchant m) {
        return new MerchantResponse(
                m.id(),
                "merchant",
                m.name(),
                m.status().wire(),
                m.webhookUrl(),
                m.readRateLimit(),
                m.writeRateLimit(),
                m.createdAt(),
                m.updatedAt());
    }
}
