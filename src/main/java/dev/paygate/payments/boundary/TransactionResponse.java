package dev.paygate.payments.boundary;

import dev.paygate.payments.entity.Money;
import dev.paygate.payments.entity.PaymentTransaction;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Transaction")
@JsonbPropertyOrder({
    "id",
    "paymentId",
    "type",
    "amount",
    "currency",
    "status",
    "gatewayTransactionId",
    "responseCode",
    "responseMessage",
    "createdAt"
})
public record TransactionResponse(
        @Schema(example = "txn_3hT9kLm2Qx8RzV4bN1cW7pYs") String id,
        @Schema(name = "payment_id") String paymentId,

        @Schema(
                example = "charge",
                enumeration = {"charge", "authorization", "capture", "refund", "void"})
        String type,

        @Schema(example = "100.00") BigDecimal amount,
        @Schema(example = "USD") String currency,

        @Schema(
                example = "succeeded",
                enumeration = {"pending", "processing", "succeeded", "failed"})
        String status,

        @Schema(name = "gateway_transaction_id") String gatewayTransactionId,

        @Schema(name = "response_code", nullable = true, example = "00")
        String responseCode,

        @Schema(name = "response_message", nullable = true, example = "Approved")
        String responseMessage,

        @Schema(name = "created_at") Instant createdAt) {

    public static TransactionResponse from(PaymentTransaction t) {
        return new TransactionResponse(
                t.id(),
                t.paymentId(),
                t.type().name().toLowerCase(Locale.ROOT),
                Money.scaled(t.amount(), t.currency()),
                t.currency(),
                t.status().name().toLowerCase(Locale.ROOT),
                t.gatewayTransactionId(),
                t.responseCode(),
                t.responseMessage(),
                t.createdAt());
    }
}
