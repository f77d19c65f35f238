package dev.paygate.idempotency.boundary;

import dev.paygate.idempotency.control.IdempotencyKeys;
import dev.paygate.platform.Periodic;
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
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgets idempotency keys past their retention, every few minutes, in batches so that no
 * transaction grows large.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class.getName());
    private static final int BATCH = 1000;
    private static final int MAX_BATCHES = 100;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "paygate.idempotency.purge.interval.seconds", defaultValue = "300")
    long intervalSeconds;

    @Inject
    IdempotencyKeys keys;

    private ScheduledFuture<?> runs;

    @PostConstruct
    void schedule() {
        runs = Periodic.every(
                scheduler,
                Duration.ofSeconds(Math.max(1, intervalSeconds)),
                "Purging expired idempotency keys",
                this::purge);
    }

    @PreDestroy
    void stop() {
        runs.cancel(false);
    }

    /** Each batch is a transaction of its own ({@link IdempotencyKeys#purgeExpired}). */
    void purge() {
        Instant now = Instant.now();
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int deleted = keys.purgeExpired(now, BATCH);
            total += deleted;
            if (deleted < BATCH) {
                break;
            }
        }
        if (total > 0) {
            int purged = total;
            LOG.info(() -> "Purged " + purged + " expired idempotency keys");
        }
    }
}
