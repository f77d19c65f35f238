package dev.paygate.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTest {

    @Test
    void aRunThatFailsDoesNotStopTheNextOnes() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch third = new CountDownLatch(3);
            Periodic.every(scheduler, Duration.ofMillis(10), "test task", () -> {
                runs.incrementAndGet();
                third.countDown();
                if (runs.get() == 1) {
                    throw new IllegalStateException("database unreachable");
                }
            });
            assertTrue(third.await(5, TimeUnit.SECONDS), "runs after a failure: " + runs.get());
        } finally {
            scheduler.shutdownNow();
        }
    }
}
