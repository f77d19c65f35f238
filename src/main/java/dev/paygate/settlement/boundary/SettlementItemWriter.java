package dev.paygate.settlement.boundary;

import dev.paygate.settlement.control.PricedItem;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The settlement job's writer: stores each chunk's items in its transaction, with the checkpoint. */
@Named
@Dependent
public class SettlementItemWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    SettlementRuns runs;

    @Override
    public void writeItems(List<Object> items) {
        runs.write(runId, items.stream().map(PricedItem.class::cast).toList());
    }
}
