package dev.paygate.settlement.boundary;

import dev.paygate.payments.entity.Money;
import dev.paygate.settlement.entity.SettlementItem;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SettlementItem", description = "One capture or succeeded refund in a settlement")
@JsonbPropertyOrder({
    "id",
    "object",
    "type",
    "paymentId",
    "refundId",
    "paymentMethod",
    "occurredAt",
    "amount",
    "fee",
    "net",
    "feePercent",
    "feeFixed"
})
public record SettlementItemResponse(
        @Schema(description = "The capture's transaction (txn_…) or the refund (re_…)")
        String id,

        @Schema(example = "settlement_item") String object,
        @Schema(enumeration = {"capture", "refund"}) String type,
        @Schema(name = "payment_id") String paymentId,
        @Schema(name = "refund_id", nullable = true) String refundId,
        @Schema(name = "payment_method", example = "card") String paymentMethod,
        @Schema(name = "occurred_at") Instant occurredAt,

        @Schema(description = "Positive for a capture, negative for a refund", example = "100.00")
        BigDecimal amount,

        @Schema(example = "3.20") BigDecimal fee,
        @Schema(example = "96.80") BigDecimal net,

        @Schema(name = "fee_percent", description = "The fee rule's percentage", example = "2.9")
        BigDecimal feePercent,

        @Schema(name = "fee_fixed", description = "The fee rule's fixed part, in the currency", example = "0.30")
        BigDecimal feeFixed) {

    public static SettlementItemResponse from(SettlementItem i, String currency) {
        int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        return new SettlementItemResponse(
                i.sourceId(),
                "settlement_item",
                i.type().wire(),
                i.paymentId(),
                i.refundId(),
                i.paymentMethod().toLowerCase(Locale.ROOT),
                i.occurredAt(),
                Money.scaled(i.amount(), currency),
                Money.scaled(i.fee(), currency),
                Money.scaled(i.net(), currency),
                plain(i.feePercent()),
                BigDecimal.valueOf(i.feeFixedMinor()).movePointLeft(digits));
    }

    /** 2.9 rather than 2.9000, and 10 rather than 1E+1. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
