package dev.paygate.platform;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Housekeeping that runs every so often on the container's managed scheduler rather than on EJB
 * timers: on Payara Micro the EJB timer service needs the Hazelcast data grid, which the gateway
 * does not start (it costs about 1.5 s of every start-up and nothing here is clustered).
 */
public final class Periodic {

    private static final Logger LOG = Logger.getLogger(Periodic.class.getName());

    private Periodic() {
    }

    /**
     * Runs {@code task} every {@code period} on {@code scheduler} (in the server, the container's
     * managed one), the first time one period from now. A run that fails
     * is logged and the next one still happens (a periodic task that throws is never run again).
     */
    public static ScheduledFuture<?> every(ScheduledExecutorService scheduler, Duration period,
            String name, Runnable task) {
        long ms = Math.max(1, period.toMillis());
        return scheduler.scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> name + " failed; trying again in " + ms + " ms");
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }
}
