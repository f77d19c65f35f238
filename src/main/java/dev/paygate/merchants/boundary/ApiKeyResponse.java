package dev.paygate.merchants.boundary;

import dev.paygate.access.entity.ApiKey;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A merchant's API key; the secret appears only in the answer that creates the key. */
@Schema(name = "ApiKey")
@JsonbPropertyOrder({"id", "object", "merchantId", "secret", "displayPrefix", "status", "createdAt", "revokedAt"})
public record ApiKeyResponse(
        @Schema(example = "key_4Qm9TzW1bN6cV3hJd8fK2xLr") String id,
        @Schema(example = "api_key") String object,

        @Schema(name = "merchant_id", example = "merchant_123")
        String merchantId,

        @Schema(nullable = true, description = "Only when the key is created: store it now, it is never shown again")
        String secret,

        @Schema(name = "display_prefix", example = "sk_test_Xk3a")
        String displayPrefix,

        @Schema(
                example = "active",
                enumeration = {"active", "revoked"})
        String status,

        @Schema(name = "created_at") Instant createdAt,
        @Schema(name = "revoked_at", nullable = true) Instant revokedAt) {

    public static ApiKeyResponse from(ApiKey k) {
        return of(k, null);
    }

    public static ApiKeyResponse from(ApiKey.Issued issued) {
        return of(issued.key(), issued.secret());
    }

    private static ApiKeyResponse of(ApiKey k, String secret) {
        return new ApiKeyResponse(
                k.id(),
                "api_key",
                k.merchantId(),
                secret,
                k.displayPrefix(),
                k.revoked() ? "revoked" : "active",
                k.createdAt(),
                k.revokedAt());
    }
}
