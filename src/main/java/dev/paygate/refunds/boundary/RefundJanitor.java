package dev.paygate.refunds.boundary;

import dev.paygate.platform.Periodic;
import dev.paygate.problems.ServiceUnavailable;
import dev.paygate.refunds.control.RecentRequeues;
import dev.paygate.refunds.control.StrandedRefunds;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Queues again the refunds that are still pending long after they were accepted
 * ({@code paygate.refund.requeue.after.seconds}), at start-up and then every third of that bound,
 * a batch per transaction. Whatever becomes of a refund's first message (the broker loses it, a
 * crash leaves it in doubt and it is rolled back), no accepted refund holds its part of the
 * payment for ever. Several instances on one database may each queue one: settlement is
 * idempotent.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RefundJanitor {

    private static final Logger LOG = Logger.getLogger(RefundJanitor.class.getName());
    static final int BATCH = 100;
    private static final int MAX_BATCHES = 100;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "paygate.refund.requeue.after.seconds", defaultValue = "60")
    long requeueAfterSeconds;

    @Inject
    StrandedRefunds stranded;

    private Duration bound;
    private RecentRequeues recent;
    private ScheduledFuture<?> sweeps;

    @PostConstruct
    void schedule() {
        bound = Duration.ofSeconds(Math.max(1, requeueAfterSeconds));
        recent = new RecentRequeues(bound);
        try {
            sweep(); // what a crash left behind goes at once, before the first period has passed
        } catch (RuntimeException e) {
            LOG.warning("Re-queuing stranded refunds at start-up failed (" + e + "); trying again in "
                    + Periodic.checkPeriod(bound).toSeconds() + " s");
        }
        sweeps = Periodic.every(scheduler, Periodic.checkPeriod(bound), "Re-queuing stranded refunds", this::sweep);
    }

    @PreDestroy
    void stop() {
        sweeps.cancel(false);
    }

    void sweep() {
        Instant now = Instant.now();
        Instant before = now.minus(Periodic.overdueWhenTaken(bound));
        String after = "";
        int requeued = 0;
        int stillPending = 0;
        try {
            for (int i = 0; i < MAX_BATCHES; i++) {
                List<String> pending = stranded.pendingSince(before, after, BATCH);
                if (pending.isEmpty()) {
                    break;
                }
                stillPending += pending.size();
                after = pending.get(pending.size() - 1);
                List<String> due = recent.due(pending, now);
                if (!due.isEmpty()) {
                    stranded.requeue(due);
                    recent.requeued(due, now);
                    requeued += due.size();
                }
                if (pending.size() < BATCH) {
                    break;
                }
            }
        } catch (ServiceUnavailable brokerDown) {
            LOG.warning("Re-queuing stranded refunds stopped: the broker is unreachable; trying again in "
                    + Periodic.checkPeriod(bound).toSeconds() + " s");
        }
        recent.forgetDue(now);
        if (requeued > 0) {
            int n = requeued;
            int all = stillPending;
            LOG.info(() -> "Re-queued " + n + " refunds pending for more than "
                    + Periodic.overdueWhenTaken(bound).toSeconds() + " s (" + all + " such refunds in all)");
        }
    }
}
