package dev.paygate.settlement.boundary;

import dev.paygate.merchants.boundary.Merchants;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.settlement.control.FeeRules;
import dev.paygate.settlement.entity.FeeRule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The merchants' fee plans, for the admin API. A change prices only what is settled after it. */
@Stateless
public class FeePlans {

    @Inject
    FeeRules rules;

    @Inject
    Merchants merchants;

    public FeePlanResponse of(String merchantId) {
        merchants.find(merchantId);
        return FeePlanResponse.of(merchantId, rules.ownOf(merchantId));
    }

    /** Sets one rule, replacing the merchant's rule for the same payment method and currency. */
    public FeePlanResponse set(String merchantId, FeeRuleRequest request) {
        merchants.find(merchantId);
        String method = request.paymentMethod().toUpperCase(Locale.ROOT);
        FeeRule rule;
        try {
            rule = new FeeRule(merchantId, method, request.currency(), request.percent(), request.fixed());
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().startsWith("percent") ? "percent" : "fixed";
            throw new InvalidRequest("parameter_invalid", field, e.getMessage());
        }
        List<FeeRule> plan = new ArrayList<>(rules.ownOf(merchantId));
        plan.removeIf(r -> r.paymentMethod().equals(method) && r.currency().equals(request.currency()));
        List<FeeRule> copies = new ArrayList<>();
        for (FeeRule r : plan) {
            copies.add(new FeeRule(merchantId, r.paymentMethod(), r.currency(), r.percent(), r.fixedMinor()));
        }
        copies.add(rule);
        rules.replace(merchantId, copies);
        return FeePlanResponse.of(merchantId, rules.ownOf(merchantId));
    }

    /** Back to the default plan. */
    public FeePlanResponse reset(String merchantId) {
        merchants.find(merchantId);
        rules.replace(merchantId, List.of());
        return FeePlanResponse.of(merchantId, List.of());
    }
}
