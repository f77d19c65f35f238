package dev.paygate.payments.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work that becomes due at given times, handed over in batches. Normally at most {@code steady}
 * batches are out at once; while they are, whatever falls due waits and goes out with the next
 * batch. So under light load every item goes out alone the moment it is due (one due at once is
 * handed over by the thread that adds it), and under load one batch (for the acquirer: one
 * transaction) carries many items instead of each paying for its own. When an item has waited
 * {@code lateMs} past its time, or a full batch is ready and more is due, up to {@code most}
 * batches go out at once, so that the work never falls further and further behind. Whoever takes
 * a batch calls {@link #done()} once when it has finished with it.
 */
public final class DueBatches<T> {

    private static final Logger LOG = Logger.getLogger(DueBatches.class.getName());

    private final DelayQueue<Due<T>> queue = new DelayQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Object slots = new Object();
    private final int steady;
    private final int most;
    private final long lateNanos;
    private final int maxBatch;
    private final Consumer<List<T>> handOver;
    private int out;

    DueBatches(int steady, int most, long lateMs, int maxBatch, Consumer<List<T>> handOver) {
        if (steady < 1 || most < steady || maxBatch < 1 || lateMs < 0) {
            throw new IllegalArgumentException("need 1 <= steady <= most, lateMs >= 0 and maxBatch >= 1");
        }
        this.steady = steady;
        this.most = most;
        this.lateNanos = TimeUnit.MILLISECONDS.toNanos(lateMs);
        this.maxBatch = maxBatch;
        this.handOver = handOver;
    }

    /**
     * Adds {@code item}, due {@code delayMs} from now (at once when 0 or less). One due at once,
     * with nothing else due and a steady slot free, is handed over at once on this thread.
     */
    public void add(T item, long delayMs) {
        if (delayMs <= 0 && !isDue(queue.peek()) && takeFreeSlot()) {
            handOver(List.of(item));
            return;
        }
        long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, delayMs));
        queue.add(new Due<>(item, due, sequence.getAndIncrement()));
    }

    /** A batch handed over has been dealt with; the next one may go. */
    public void done() {
        synchronized (slots) {
            out--;
            slots.notifyAll();
        }
    }

    /** Items not yet handed over. */
    int waiting() {
        return queue.size();
    }

    /** Hands batches over until the thread is interrupted. */
    void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<Due<T>> due = new ArrayList<>();
                due.add(queue.take());
                queue.drainTo(due, maxBatch - 1);
                long firstDue = due.get(0).dueNanos();
                while (!takeSlot(
                        System.nanoTime() - firstDue >= lateNanos || due.size() == maxBatch && isDue(queue.peek()))) {
                    queue.drainTo(due, maxBatch - due.size());
                }
                handOver(due.stream().map(Due::item).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOver(List<T> batch) {
        try {
            handOver.accept(batch);
        } catch (RuntimeException e) {
            done();
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> "Could not hand over " + batch.size()
                            + " acquirer steps; the stuck-payment check picks them up again");
        }
    }

    /** Takes a steady slot if one is free; true if taken. */
    private boolean takeFreeSlot() {
        synchronized (slots) {
            if (out < steady) {
                out++;
                return true;
            }
            return false;
        }
    }

    /** Takes a slot for a batch if one is free (waiting a millisecond for one); true if taken. */
    private boolean takeSlot(boolean behind) throws InterruptedException {
        int limit = behind ? most : steady;
        synchronized (slots) {
            if (out >= limit) {
                slots.wait(1);
            }
            if (out < limit) {
                out++;
                return true;
            }
            return false;
        }
    }

    private static boolean isDue(Delayed next) {
        return next != null && next.getDelay(TimeUnit.NANOSECONDS) <= 0;
    }

    private record Due<T>(T item, long dueNanos, long sequence) implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Due<?> that = (Due<?>) other;
            int byDue = Long.signum(dueNanos - that.dueNanos); // nanoTime values compare by difference
            return byDue != 0 ? byDue : Long.compare(sequence, that.sequence);
        }
    }
}
