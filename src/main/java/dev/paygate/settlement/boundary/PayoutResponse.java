package dev.paygate.settlement.boundary;

import dev.paygate.payments.entity.Money;
import dev.paygate.settlement.entity.Payout;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Payout", description = "A settlement's net on its way to the merchant's bank")
@JsonbPropertyOrder({
    "id",
    "object",
    "merchantId",
    "source",
    "amount",
    "currency",
    "status",
    "arrivalAt",
    "paidAt",
    "createdAt"
})
/*
 * No component's name contains "set" (settlementId, settledUntil…): Payara's OpenAPI takes a method
 * annotated with @Schema whose name contains "set" for a setter, reads its first parameter and fails
 * the whole document. Such fields are named on the wire with @JsonbProperty instead.
 */
public record PayoutResponse(
        @Schema(example = "po_3fK9pQ7rS0tU3vW6xY1zA2bC") String id,
        @Schema(example = "payout") String object,
        @Schema(name = "merchant_id") String merchantId,

        @JsonbProperty("settlement_id") @Schema(name = "settlement_id")
        String source,

        @Schema(example = "920.70") BigDecimal amount,
        @Schema(example = "EUR") String currency,
        @Schema(enumeration = {"pending", "paid"}) String status,

        @Schema(name = "arrival_at", description = "When it is paid: created_at + PAYGATE_PAYOUT_DELAY_SECONDS")
        Instant arrivalAt,

        @Schema(name = "paid_at", nullable = true) Instant paidAt,
        @Schema(name = "created_at") Instant createdAt) {

    public static PayoutResponse from(Payout p) {
        return new PayoutResponse(
                p.id(),
                "payout",
                p.merchantId(),
                p.settlementId(),
                Money.scaled(p.amount(), p.currency()),
                p.currency(),
                p.status().wire(),
                p.arrivalAt(),
                p.paidAt(),
                p.createdAt());
    }
}
