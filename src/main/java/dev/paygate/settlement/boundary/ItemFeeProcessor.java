package dev.paygate.settlement.boundary;

import dev.paygate.settlement.control.FeeRules;
import dev.paygate.settlement.control.PricedItem;
import dev.paygate.settlement.control.SettlementBook;
import dev.paygate.settlement.control.UnsettledItem;
import dev.paygate.settlement.entity.FeeRule;
import dev.paygate.settlement.entity.Settlement;
import dev.paygate.settlement.entity.SettlementRun;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settlement job's processor: prices each item by its merchant's fee plan (the default plan
 * for what the merchant's own rules do not cover), and leaves out an item whose merchant's
 * settlement of the day is already complete: it goes into the next day's.
 */
@Named
@Dependent
public class ItemFeeProcessor implements ItemProcessor {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    SettlementRuns runs;

    @Inject
    FeeRules rules;

    @Inject
    SettlementBook book;

    private SettlementRun run;
    private final Map<String, List<FeeRule>> plans = new HashMap<>();
    private final Map<String, Boolean> complete = new HashMap<>();

    @Override
    public Object processItem(Object read) {
        if (run == null) {
            run = runs.find(runId);
        }
        UnsettledItem item = (UnsettledItem) read;
        boolean done = complete.computeIfAbsent(item.merchantId() + " " + item.currency(), k -> {
            Settlement s = book.of(item.merchantId(), item.currency(), run.date());
            return s != null && !s.isOpen();
        });
        if (done) {
            return null;
        }
        FeeRule rule =
                FeeRule.choose(plans.computeIfAbsent(item.merchantId(), rules::planOf), item.method(), item.currency());
        if (rule == null) {
            rule = FeeRule.choose(FeeRule.DEFAULTS, item.method(), item.currency());
        }
        return new PricedItem(item, rule);
    }
}
