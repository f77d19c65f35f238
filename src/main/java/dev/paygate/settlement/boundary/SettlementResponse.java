package dev.paygate.settlement.boundary;

import dev.paygate.payments.entity.Money;
import dev.paygate.settlement.entity.Settlement;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Settlement", description = "What a merchant is owed in one currency for one settlement day")
@JsonbPropertyOrder({
    "id",
    "object",
    "merchantId",
    "currency",
    "day",
    "until",
    "gross",
    "refunds",
    "fees",
    "net",
    "itemCount",
    "payoutId",
    "createdAt"
})
public record SettlementResponse(
        @Schema(example = "stl_3fK9pQ7rS0tU3vW6xY1zA2bC") String id,
        @Schema(example = "settlement") String object,
        @Schema(name = "merchant_id") String merchantId,
        @Schema(example = "EUR") String currency,

        @JsonbProperty("settlement_date") @Schema(name = "settlement_date", example = "2026-12-02")
        LocalDate day,

        @JsonbProperty("settled_until")
        @Schema(name = "settled_until", description = "Items before this instant, not settled before, are in it")
        Instant until,

        @Schema(description = "Captured", example = "1000.00")
        BigDecimal gross,

        @Schema(description = "Refunded (positive)", example = "50.00")
        BigDecimal refunds,

        @Schema(example = "29.30") BigDecimal fees,

        @Schema(description = "gross - refunds - fees", example = "920.70")
        BigDecimal net,

        @Schema(name = "item_count") int itemCount,

        @Schema(name = "payout_id", nullable = true, description = "Null when net is not positive")
        String payoutId,

        @Schema(name = "created_at") Instant createdAt) {

    public static SettlementResponse from(Settlement s, String payoutId) {
        String c = s.currency();
        return new SettlementResponse(
                s.id(),
                "settlement",
                s.merchantId(),
                c,
                s.date(),
                s.settledUntil(),
                Money.scaled(s.gross(), c),
                Money.scaled(s.refunds(), c),
                Money.scaled(s.fees(), c),
                Money.scaled(s.net(), c),
                s.itemCount(),
                payoutId,
                s.createdAt());
    }
}
