package dev.paygate.settlement.boundary;

import dev.paygate.settlement.control.UnsettledItem;
import dev.paygate.settlement.control.UnsettledItems;
import dev.paygate.settlement.entity.ItemType;
import dev.paygate.settlement.entity.SettlementRun;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The settlement job's reader: what is still to settle up to the run's instant, a page at a time.
 * Its checkpoint is the position of the last item it handed out, so a restarted execution reads on
 * after the last committed chunk.
 */
@Named
@Dependent
public class UnsettledItemReader extends AbstractItemReader {

    /** Items read at a time: a chunk's worth (settlement.xml's item-count), one query a chunk. */
    static final int PAGE = 5000;

    @Inject
    @BatchProperty
    String runId;

    @Inject
    SettlementRuns runs;

    @Inject
    UnsettledItems items;

    private SettlementRun run;
    private UnsettledItems.Position position;
    private final Deque<UnsettledItem> page = new ArrayDeque<>();
    private boolean last;

    @Override
    public void open(Serializable checkpoint) {
        run = runs.find(runId);
        position = (UnsettledItems.Position) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !last) {
            var next = items.page(run.settledUntil(), run.merchantId(), position, PAGE);
            // A short page of captures is followed by the refunds; a short page of refunds ends the day.
            last = next.isEmpty() || next.size() < PAGE && next.get(0).type() == ItemType.REFUND;
            page.addAll(next);
        }
        UnsettledItem item = page.poll();
        if (item != null) {
            position = new UnsettledItems.Position(item.type(), item.at(), item.sourceId());
        }
        return item;
    }

    @Override
    public Serializable checkpointInfo() {
        return position;
    }
}
