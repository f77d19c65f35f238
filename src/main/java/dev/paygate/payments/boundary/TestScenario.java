package dev.paygate.payments.boundary;

import dev.paygate.payments.entity.Authentication;
import dev.paygate.payments.entity.PaymentStatus;
import dev.paygate.payments.entity.TestCard;
import dev.paygate.payments.entity.TestIban;
import dev.paygate.payments.entity.TestPaypalAccount;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the test catalogue: what to send, and what the payment then does. */
@Schema(name = "TestScenario")
@JsonbPropertyOrder({
    "paymentMethod",
    "field",
    "value",
    "status",
    "failureCode",
    "declineCode",
    "refundStatus",
    "authentication",
    "cardBrand",
    "cardFunding",
    "description"
})
public record TestScenario(
        @Schema(name = "payment_method", example = "credit_card")
        String paymentMethod,

        @Schema(description = "The request field that carries the trigger", example = "card_number")
        String field,

        @Schema(example = "4000000000009987") String value,

        @Schema(description = "The status the payment ends in", example = "failed")
        String status,

        @Schema(name = "failure_code", nullable = true, example = "card_declined")
        String failureCode,

        @Schema(name = "decline_code", nullable = true, example = "lost_card")
        String declineCode,

        @Schema(
                name = "refund_status",
                nullable = true,
                example = "succeeded",
                description = "For a payment that completes: the status its refunds end in")
        String refundStatus,

        @Schema(
                nullable = true,
                enumeration = {"challenge", "frictionless"},
                description = "3-D Secure: challenge means the payment is requires_action until the customer"
                        + " answers (status is the end after a successful answer); frictionless needs no customer")
        String authentication,

        @Schema(name = "card_brand", nullable = true, example = "visa")
        String cardBrand,

        @Schema(name = "card_funding", nullable = true, example = "credit")
        String cardFunding,

        String description) {

    static TestScenario of(TestIban iban) {
        return new TestScenario(
                "bank_transfer",
                "iban",
                iban.iban(),
                (iban.scenario().approved() ? PaymentStatus.COMPLETED : PaymentStatus.FAILED).wire(),
                iban.scenario().failureCode(),
                iban.scenario().declineCode(),
                iban.scenario().approved() ? "succeeded" : null,
                null,
                null,
                null,
                iban.description());
    }

    static TestScenario of(TestPaypalAccount account) {
        return new TestScenario(
                "paypal",
                "customer_email",
                account.example(),
                PaymentStatus.FAILED.wire(),
                account.scenario().failureCode(),
                null,
                null,
                null,
                null,
                null,
                account.description());
    }

    static TestScenario of(TestCard card) {
        return new TestScenario(
                card.funding().equals("debit") ? "debit_card" : "credit_card",
                "card_number",
                card.number(),
                (card.scenario().approved() ? PaymentStatus.COMPLETED : PaymentStatus.FAILED).wire(),
                card.scenario().failureCode(),
                card.scenario().declineCode(),
                card.scenario().approved()
                        ? (card.scenario().refundFailureReason() == null ? "succeeded" : "failed")
                        : null,
                card.scenario().authentication() == Authentication.NONE
                        ? null
                        : card.scenario().authentication().wire(),
                card.brand().wire(),
                card.funding(),
                card.description());
    }
}
