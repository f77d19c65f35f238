package dev.paygate.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DueBatchesTest {

    private static final long LATE_MS = 10_000;

    private final BlockingQueue<List<String>> handedOver = new LinkedBlockingQueue<>();
    private Thread runner;

    private DueBatches<String> start(int steady, int most, int maxBatch, Consumer<List<String>> handOver) {
        DueBatches<String> batches = new DueBatches<>(steady, most, LATE_MS, maxBatch, handOver);
        runner = new Thread(batches::run, "due-batches-test");
        runner.start();
        return batches;
    }

    private DueBatches<String> start(int steady, int most, int maxBatch) {
        return start(steady, most, maxBatch, handedOver::add);
    }

    private List<String> next() throws InterruptedException {
        return handedOver.poll(5, TimeUnit.SECONDS);
    }

    /** Sends one batch out (and keeps it out), then makes {@code items} due at once. */
    private void oneBatchOutThenDue(DueBatches<String> batches, String... items) throws InterruptedException {
        batches.add("first", 0);
        assertEquals(List.of("first"), next());
        for (String item : items) {
            batches.add(item, 0);
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        runner.interrupt();
        runner.join(5000);
    }

    @Test
    void anItemGoesOutWhenItIsDueAndNotBefore() throws Exception {
        DueBatches<String> batches = start(4, 4, 50);
        batches.add("later", 300);
        batches.add("now", 0);

        assertEquals(List.of("now"), next());
        assertNull(handedOver.poll(150, TimeUnit.MILLISECONDS), "handed over before it was due");
        assertEquals(List.of("later"), next());
    }

    @Test
    void underLightLoadEachItemGoesOutAlone() throws Exception {
        DueBatches<String> batches = start(4, 4, 50);
        for (int i = 0; i < 3; i++) {
            batches.add("p" + i, 0);
            assertEquals(List.of("p" + i), next());
            batches.done();
        }
    }

    @Test
    void whatFallsDueWhileEveryBatchIsOutSharesTheNextBatchInDueOrder() throws Exception {
        DueBatches<String> batches = start(1, 1, 50);
        batches.add("first", 0);
        assertEquals(List.of("first"), next());

        batches.add("b", 20);
        batches.add("a", 10);
        batches.add("c", 30);
        Thread.sleep(100);
        assertNull(handedOver.poll(), "a second batch went out while the only one allowed was out");

        batches.done();
        assertEquals(List.of("a", "b", "c"), next());
    }

    @Test
    void aBatchHoldsAtMostTheLimit() throws Exception {
        DueBatches<String> batches = start(1, 1, 2);
        oneBatchOutThenDue(batches, "a", "b", "c");
        Thread.sleep(50);

        batches.done();
        assertEquals(List.of("a", "b"), next());
        batches.done();
        assertEquals(List.of("c"), next());
    }

    @Test
    void whenAFullBatchIsReadyAndMoreIsDueFurtherBatchesGoOutUpToTheMost() throws Exception {
        DueBatches<String> batches = start(1, 2, 2);
        oneBatchOutThenDue(batches, "a", "b", "c");

        assertEquals(List.of("a", "b"), next(), "a full batch with more due waited for the steady slot");
        assertNull(handedOver.poll(100, TimeUnit.MILLISECONDS), "more than the most batches went out at once");
        batches.done();
        assertNull(
                handedOver.poll(100, TimeUnit.MILLISECONDS),
                "a batch that is not behind went out beyond the steady one");
        batches.done();
        assertEquals(List.of("c"), next());
    }

    @Test
    void aStepThatHasWaitedPastTheLateLimitGoesOutBeyondTheSteadyBatches() throws Exception {
        DueBatches<String> batches = new DueBatches<>(1, 2, 50, 50, handedOver::add);
        runner = new Thread(batches::run, "due-batches-test");
        runner.start();
        batches.add("first", 0);
        assertEquals(List.of("first"), next());

        batches.add("late", 0);
        assertEquals(List.of("late"), next(), "a step kept waiting for the steady slot past the late limit");
        batches.add("next", 0);
        assertNull(handedOver.poll(20, TimeUnit.MILLISECONDS), "went out before it was late, with both slots out");
    }

    @Test
    void aStepDueAtOnceWithASlotFreeIsHandedOverByTheThreadThatAddsIt() throws Exception {
        DueBatches<String> batches = start(
                1,
                1,
                50,
                batch -> handedOver.add(
                        List.of(batch.get(0), Thread.currentThread().getName())));
        batches.add("now", 0);
        assertEquals(List.of("now", Thread.currentThread().getName()), handedOver.poll());

        batches.add("while-out", 0);
        assertNull(handedOver.poll(50, TimeUnit.MILLISECONDS), "went out beside the only batch allowed");
        batches.done();
        assertEquals(List.of("while-out", "due-batches-test"), next());
    }

    @Test
    void aHandOverThatFailsFreesItsPlace() throws Exception {
        DueBatches<String> batches = start(1, 1, 50, batch -> {
            if (batch.contains("refused")) {
                throw new IllegalStateException("asynchronous pool shut down");
            }
            handedOver.add(batch);
        });
        batches.add("refused", 0);
        Thread.sleep(50);
        batches.add("accepted", 0);

        assertEquals(List.of("accepted"), next());
        assertEquals(0, batches.waiting());
    }
}
