package dev.paygate.settlement.boundary;

import dev.paygate.settlement.entity.FeeRule;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "FeePlan",
        description = "The merchant's own rules, then the default plan for what they do not cover. The most"
                + " specific rule that covers a capture prices it: percent of it rounded half up to the"
                + " currency's minor unit, plus the fixed fee. Refunds cost no fee and return none.")
@JsonbPropertyOrder({"object", "merchantId", "rules", "defaults"})
public record FeePlanResponse(
        @Schema(example = "fee_plan") String object,
        @Schema(name = "merchant_id") String merchantId,

        @Schema(description = "The merchant's own rules; empty when it pays the default plan")
        List<Rule> rules,

        @Schema(description = "The default plan") List<Rule> defaults) {

    @Schema(name = "FeePlanRule")
    @JsonbPropertyOrder({"paymentMethod", "currency", "percent", "fixed"})
    public record Rule(
            @Schema(name = "payment_method") String paymentMethod,
            String currency,
            BigDecimal percent,

            @Schema(description = "In the currency's minor units")
            long fixed) {

        static Rule from(FeeRule r) {
            return new Rule(
                    r.paymentMethod().toLowerCase(Locale.ROOT),
                    r.currency(),
                    SettlementItemResponse.plain(r.percent()),
                    r.fixedMinor());
        }
    }

    static FeePlanResponse of(String merchantId, List<FeeRule> own) {
        return new FeePlanResponse(
                "fee_plan",
                merchantId,
                own.stream().map(Rule::from).toList(),
                FeeRule.DEFAULTS.stream().map(Rule::from).toList());
    }
}
