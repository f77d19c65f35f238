package dev.paygate.settlement.boundary;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The settlement job's last step: completes each open settlement of the run's day with the totals
 * of its items, each in a transaction of its own, creates the payouts, and marks the run done.
 */
@Named
@Dependent
public class SettlementTotals extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    SettlementRuns runs;

    @Override
    public String process() {
        for (String settlement : runs.openSettlements(runId)) {
            runs.complete(runId, settlement);
        }
        runs.finish(runId);
        return "COMPLETED";
    }
}
