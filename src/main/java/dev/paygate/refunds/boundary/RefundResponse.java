package dev.paygate.refunds.boundary;

import dev.paygate.payments.entity.Money;
import dev.paygate.refunds.entity.Refund;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Refund")
@JsonbPropertyOrder({
    "id",
    "object",
    "paymentId",
    "amount",
    "currency",
    "status",
    "reason",
    "failureReason",
    "createdAt",
    "updatedAt"
})
public record RefundResponse(
        @Schema(example = "re_5gH8jK1mN4pQ7rS0tU3vW6xY") String id,
        @Schema(name = "object", example = "refund") String object,
        @Schema(name = "payment_id") String paymentId,
        @Schema(example = "25.00") BigDecimal amount,
        @Schema(example = "USD") String currency,

        @Schema(
                example = "pending",
                enumeration = {"pending", "succeeded", "failed"})
        String status,

        @Schema(nullable = true) String reason,

        @Schema(
                name = "failure_reason",
                nullable = true,
                example = "expired_or_canceled_card",
                description = "Why the acquirer refused a failed refund; its amount is refundable again")
        String failureReason,

        @Schema(name = "created_at") Instant createdAt,
        @Schema(name = "updated_at") Instant updatedAt) {

    public static RefundResponse from(Refund r) {
        return new RefundResponse(
                r.id(),
                "refund",
                r.paymentId(),
                Money.scaled(r.amount(), r.currency()),
                r.currency(),
                r.status().name().toLowerCase(Locale.ROOT),
                r.reason(),
                r.failureReason(),
                r.createdAt(),
                r.updatedAt());
    }
}
