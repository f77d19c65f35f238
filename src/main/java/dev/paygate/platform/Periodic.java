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

    private Periodic() {}

    /**
     * Runs {@code task} every {@code period} on {@code scheduler} (in the server, the container's
     * managed one), the first time one period from now. A run that fails
     * is logged and the next one still happens (a periodic task that throws is never run again).
     */
    public static ScheduledFuture<?> every(
            ScheduledExecutorService scheduler, Duration period, String name, Runnable task) {
        long ms = Math.max(1, period.toMillis());
        return scheduler.scheduleAtFixedRate(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, e, () -> name + " failed; trying again in " + ms + " ms");
                    }
                },
                ms,
                ms,
                TimeUnit.MILLISECONDS);
    }

    /**
     * How often to look for work that must be taken up within {@code bound} of falling due: a
     * third of it, but not more often than every second.
     */
    public static Duration checkPeriod(Duration bound) {
        Duration third = bound.dividedBy(3);
        return third.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : third;
    }

    /**
     * How overdue work must be for a check to take it up, so that it is taken up within
     * {@code bound}: the bound less one {@link #checkPeriod check period} (the check that first
     * sees it comes at most one period later).
     */
    public static Duration overdueWhenTaken(Duration bound) {
        Duration rest = bound.minus(checkPeriod(bound));
        return rest.isNegative() ? Duration.ZERO : rest;
    }
}
