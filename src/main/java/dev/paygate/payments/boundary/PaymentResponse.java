package dev.paygate.payments.boundary;

import dev.paygate.payments.entity.Authentication;
import dev.paygate.payments.entity.Money;
import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentStatus;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment as the API shows it: never a card number or security code. */
@Schema(name = "Payment")
@JsonbPropertyOrder({
    "id",
    "object",
    "merchantId",
    "orderId",
    "amount",
    "currency",
    "status",
    "paymentMethod",
    "description",
    "customerEmail",
    "customerName",
    "cardBrand",
    "cardLast4",
    "cardExpiryMonth",
    "cardExpiryYear",
    "ibanLast4",
    "failureCode",
    "declineCode",
    "failureMessage",
    "refundedAmount",
    "captureMethod",
    "amountCapturable",
    "amountCaptured",
    "captureBefore",
    "cancellationReason",
    "returnUrl",
    "nextAction",
    "threeDSecure",
    "createdAt",
    "updatedAt"
})
public record PaymentResponse(
        @Schema(example = "pay_8fK2mQ9xLr4TzW1bN6cV3hJd") String id,
        @Schema(name = "object", example = "payment") String object,

        @Schema(name = "merchant_id", example = "merchant_123")
        String merchantId,

        @Schema(name = "order_id", example = "order_456") String orderId,
        @Schema(example = "100.00") BigDecimal amount,
        @Schema(example = "USD") String currency,

        @Schema(
                example = "pending",
                enumeration = {
                    "pending",
                    "processing",
                    "requires_action",
                    "authorized",
                    "completed",
                    "failed",
                    "cancelled",
                    "refunded"
                })
        String status,

        @Schema(name = "payment_method", example = "credit_card")
        String paymentMethod,

        @Schema(nullable = true) String description,
        @Schema(name = "customer_email", nullable = true) String customerEmail,
        @Schema(name = "customer_name", nullable = true) String customerName,

        @Schema(name = "card_brand", nullable = true, example = "visa")
        String cardBrand,

        @Schema(name = "card_last4", nullable = true, example = "1111")
        String cardLast4,

        @Schema(name = "card_expiry_month", nullable = true, example = "12")
        Integer cardExpiryMonth,

        @Schema(name = "card_expiry_year", nullable = true, example = "2030")
        Integer cardExpiryYear,

        @Schema(
                name = "iban_last4",
                nullable = true,
                example = "3000",
                description = "Bank transfers sent with an IBAN")
        String ibanLast4,

        @Schema(name = "failure_code", nullable = true, example = "card_declined")
        String failureCode,

        @Schema(name = "decline_code", nullable = true, example = "insufficient_funds")
        String declineCode,

        @Schema(name = "failure_message", nullable = true) String failureMessage,
        @Schema(name = "refunded_amount", example = "0.00") BigDecimal refundedAmount,

        @Schema(
                name = "capture_method",
                example = "automatic",
                enumeration = {"automatic", "manual"})
        String captureMethod,

        @Schema(
                name = "amount_capturable",
                example = "0.00",
                description = "What a capture may take: the amount while authorized")
        BigDecimal amountCapturable,

        @Schema(name = "amount_captured", example = "100.00", description = "What was taken; refunds are bounded by it")
        BigDecimal amountCaptured,

        @Schema(
                name = "capture_before",
                nullable = true,
                description = "While authorized: when the authorisation expires and the payment is cancelled")
        Instant captureBefore,

        @Schema(
                name = "cancellation_reason",
                nullable = true,
                example = "requested_by_customer",
                description = "Given with the cancel, or expired")
        String cancellationReason,

        @Schema(name = "return_url", nullable = true, description = "Where the hosted page sends the customer back to")
        String returnUrl,

        @Schema(
                name = "next_action",
                nullable = true,
                description = "While requires_action: where to send the customer (docs/api.md)")
        NextAction nextAction,

        @Schema(
                name = "three_d_secure",
                nullable = true,
                description = "Card payments whose issuer uses 3-D Secure: how and with what result")
        @JsonbProperty("three_d_secure") // the naming strategy would write three_dsecure
        ThreeDSecure threeDSecure,

        @Schema(name = "created_at", example = "2026-11-27T14:00:00.123456Z")
        Instant createdAt,

        @Schema(name = "updated_at", example = "2026-11-27T14:00:00.423456Z")
        Instant updatedAt) {

    /** What the merchant's checkout does next: send the customer's browser to {@code url}. */
    @Schema(name = "NextAction")
    @JsonbPropertyOrder({"type", "redirectToUrl"})
    public record NextAction(
            @Schema(example = "redirect_to_url") String type,
            @Schema(name = "redirect_to_url") RedirectToUrl redirectToUrl) {}

    @Schema(name = "RedirectToUrl")
    @JsonbPropertyOrder({"url", "returnUrl"})
    public record RedirectToUrl(
            @Schema(description = "The gateway's hosted page for this payment; its address is its secret")
            String url,

            @Schema(name = "return_url", nullable = true) String returnUrl) {}

    @Schema(name = "ThreeDSecure")
    @JsonbPropertyOrder({"flow", "result"})
    public record ThreeDSecure(
            @Schema(enumeration = {"challenge", "frictionless"})
            String flow,

            @Schema(
                    nullable = true,
                    enumeration = {"authenticated", "failed", "timed_out"},
                    description = "null until the cardholder is authenticated or not")
            String result) {}

    /**
     * What {@code before} showed that {@code now} shows differently, as the API wrote it then: an
     * event's {@code previous_attributes}. A value that was absent is null.
     */
    public static Map<String, Object> previous(Payment.Seen before, Payment now) {
        Map<String, Object> previous = new LinkedHashMap<>();
        String currency = now.currency();
        changed(previous, "status", before.status().wire(), now.status().wire());
        changed(
                previous,
                "amount_capturable",
                Money.scaled(before.amountCapturable(), currency),
                Money.scaled(now.amountCapturable(), currency));
        changed(
                previous,
                "amount_captured",
                Money.scaled(before.amountCaptured(), currency),
                Money.scaled(now.amountCaptured(), currency));
        changed(
                previous,
                "refunded_amount",
                Money.scaled(before.refundedAmount(), currency),
                Money.scaled(now.refundedAmount(), currency));
        changed(previous, "failure_code", before.failureCode(), now.failureCode());
        changed(previous, "decline_code", before.declineCode(), now.declineCode());
        changed(previous, "failure_message", before.failureMessage(), now.failureMessage());
        changed(previous, "capture_before", before.captureBefore(), now.captureBefore());
        changed(previous, "cancellation_reason", before.cancellationReason(), now.cancellationReason());
        boolean waited = before.status() == PaymentStatus.REQUIRES_ACTION;
        if (waited != (now.status() == PaymentStatus.REQUIRES_ACTION)) {
            previous.put("next_action", waited ? nextAction(now) : null);
        }
        if (now.scenario().authentication() != Authentication.NONE) {
            changed(
                    previous,
                    "three_d_secure",
                    threeDSecure(now, before.authenticationResult()),
                    threeDSecure(now, now.authenticationResult()));
        }
        return previous;
    }

    private static void changed(Map<String, Object> previous, String field, Object before, Object now) {
        if (!Objects.equals(before, now)) {
            previous.put(field, before);
        }
    }

    private static NextAction nextAction(Payment p) {
        return new NextAction("redirect_to_url", new RedirectToUrl(HostedPageAddress.of(p), p.returnUrl()));
    }

    private static ThreeDSecure threeDSecure(Payment p, String result) {
        return new ThreeDSecure(p.scenario().authentication().wire(), result);
    }

    public static PaymentResponse from(Payment p) {
        return new PaymentResponse(
                p.id(),
                "payment",
                p.merchantId(),
                p.orderId(),
                Money.scaled(p.amount(), p.currency()),
                p.currency(),
                p.status().wire(),
                p.paymentMethod().wire(),
                p.description(),
                p.customerEmail(),
                p.customerName(),
                p.cardBrand() == null ? null : p.cardBrand().wire(),
                p.cardLast4(),
                p.cardExpiryMonth(),
                p.cardExpiryYear(),
                p.ibanLast4(),
                p.failureCode(),
                p.declineCode(),
                p.failureMessage(),
                Money.scaled(p.refundedAmount(), p.currency()),
                p.captureMethod().wire(),
                Money.scaled(p.amountCapturable(), p.currency()),
                Money.scaled(p.amountCaptured(), p.currency()),
                p.captureBefore(),
                p.cancellationReason(),
                p.returnUrl(),
                p.status() == PaymentStatus.REQUIRES_ACTION ? nextAction(p) : null,
                p.scenario().authentication() == Authentication.NONE ? null : threeDSecure(p, p.authenticationResult()),
                p.createdAt(),
                p.updatedAt());
    }
}
