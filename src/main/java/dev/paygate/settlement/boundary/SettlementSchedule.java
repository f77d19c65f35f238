package dev.paygate.settlement.boundary;

import dev.paygate.platform.Periodic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settlement's periodic work, on the managed scheduler (Payara Micro has no EJB timers without its
 * data grid): runs left by an instance that stopped are resumed, the last ended day is settled
 * once (when {@code paygate.settlement.schedule} is on), and payouts are paid on arrival. It looks
 * every third of the run lease, at most once a minute.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SettlementSchedule {

    private static final Logger LOG = Logger.getLogger(SettlementSchedule.class.getName());

    @Inject
    SettlementRuns runs;

    @Inject
    Settlements settlements;

    @Inject
    @ConfigProperty(name = "paygate.settlement.schedule", defaultValue = "true")
    boolean scheduled;

    @Inject
    @ConfigProperty(name = "paygate.settlement.lease.seconds", defaultValue = "60")
    long leaseSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> checks;

    @PostConstruct
    void start() {
        Duration period = Periodic.checkPeriod(Duration.ofSeconds(leaseSeconds));
        if (period.compareTo(Duration.ofMinutes(1)) > 0) {
            period = Duration.ofMinutes(1);
        }
        checks = Periodic.every(scheduler, period, "Settlement's periodic work", this::look);
    }

    @PreDestroy
    void stop() {
        checks.cancel(false);
    }

    private void look() {
        Instant now = Instant.now();
        runs.resumeStale(now);
        if (scheduled) {
            runs.startScheduled(now);
        }
        for (String payout : settlements.duePayouts(now)) {
            try {
                settlements.pay(payout);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Could not pay payout " + payout);
            }
        }
    }
}
