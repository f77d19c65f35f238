package dev.paygate.merchants.boundary;

import dev.paygate.platform.NoCardNumber;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new merchant, or the fields of one to change: an absent field is left as it is. */
@Schema(name = "MerchantRequest")
public record MerchantRequest(
        @Schema(example = "merchant_456", description = "Optional on create (one is generated); cannot change")
        @Size(min = 1, max = 64)
        @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "may contain only letters, digits, '_', '.' and '-'")
        @NoCardNumber
        String id,

        @Schema(example = "Acme Shop", description = "Required on create") @Size(min = 1, max = 200) @NoCardNumber
        String name,

        @Schema(
                name = "webhook_url",
                example = "https://shop.example.com/paygate/events",
                description = "An empty string removes it")
        @Size(max = 2048)
        @Pattern(regexp = "(https?://\\S+)?", message = "must be an http or https URL")
        @NoCardNumber
        String webhookUrl,

        @Schema(
                example = "active",
                enumeration = {"active", "disabled"},
                description = "A disabled merchant's keys are refused with 401")
        @Pattern(regexp = "active|disabled", message = "must be one of active, disabled")
        String status,

        @Schema(
                name = "read_rate_limit",
                example = "100",
                description = "GET requests per second per key; 0 returns to the default")
        @Min(0)
        @Max(100_000)
        Integer readRateLimit,

        @Schema(
                name = "write_rate_limit",
                example = "100",
                description = "POST requests per second per key; 0 returns to the default")
        @Min(0)
        @Max(100_000)
        Integer writeRateLimit) {

    /* Declared in full so the constraints are not copied to its parameters (see CreatePaymentRequest). */
    public MerchantRequest(
            String id, String name, String webhookUrl, String status, Integer readRateLimit, Integer writeRateLimit) {
        this.id = id;
        this.name = name;
        this.webhookUrl = webhookUrl;
        this.status = status;
        this.readRateLimit = readRateLimit;
        this.writeRateLimit = writeRateLimit;
    }
}
