package dev.paygate.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void workOverdueByTheBoundIsFoundWithinIt() {
        for (long seconds : new long[] {1, 2, 3, 5, 30, 60, 3600}) {
            Duration bound = Duration.ofSeconds(seconds);
            Duration period = Periodic.checkPeriod(bound);
            Duration taken = Periodic.overdueWhenTaken(bound);
            assertTrue(period.compareTo(Duration.ofSeconds(1)) >= 0, "no busier than a check a second: " + bound);
            // The latest a check sees work: overdue by the threshold, then one whole period to the next check.
            assertTrue(taken.plus(period).compareTo(bound) <= 0, "taken up within " + bound);
            assertTrue(!taken.isNegative(), "never before it is due: " + bound);
        }
        assertEquals(Duration.ofSeconds(10), Periodic.checkPeriod(Duration.ofSeconds(30)));
        assertEquals(Duration.ofSeconds(20), Periodic.overdueWhenTaken(Duration.ofSeconds(30)));
    }
}
