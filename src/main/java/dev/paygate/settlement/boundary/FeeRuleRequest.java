package dev.paygate.settlement.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rule of a merchant's fee plan; it replaces the rule for the same method and currency. */
@Schema(name = "FeeRule")
public record FeeRuleRequest(
        @Schema(
                name = "payment_method",
                required = true,
                enumeration = {"card", "paypal", "bank_transfer", "*"})
        @NotNull
        @Pattern(regexp = "card|paypal|bank_transfer|\\*", message = "must be one of card, paypal, bank_transfer, *")
        String paymentMethod,

        @Schema(required = true, example = "EUR", description = "An ISO 4217 code, or * for any")
        @NotNull
        @Pattern(regexp = "[A-Z]{3}|\\*", message = "must be a currency code such as EUR, or *")
        String currency,

        @Schema(required = true, example = "2.9", description = "Percent of each capture, 0 to below 100") @NotNull
        BigDecimal percent,

        @Schema(
                required = true,
                example = "30",
                description = "A fixed fee per capture, in the currency's minor units (cents)")
        @NotNull
        Integer fixed) {

    /* Declared in full so the constraints are not copied to its parameters (see CreatePaymentRequest). */
    public FeeRuleRequest(String paymentMethod, String currency, BigDecimal percent, Integer fixed) {
        this.paymentMethod = paymentMethod;
        this.currency = currency;
        this.percent = percent;
        this.fixed = fixed;
    }
}
