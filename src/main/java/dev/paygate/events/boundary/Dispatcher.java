package dev.paygate.events.boundary;

import dev.paygate.events.control.Deliveries;
import dev.paygate.events.control.Deliveries.Claim;
import dev.paygate.events.control.Deliveries.Finished;
import dev.paygate.events.control.RetrySchedule;
import dev.paygate.events.control.Signature;
import dev.paygate.events.control.WebhookSender;
import dev.paygate.events.control.WebhookSender.Outcome;
import dev.paygate.platform.Periodic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the webhooks. A round records what came of the attempts that ended since the last one,
 * claims the deliveries that are due and sends each on the server's managed executor, outside any
 * transaction; an attempt that ends frees its place for the next. Rounds run when a change of this
 * instance commits, when an attempt ends, and every poll period (for the changes of other
 * instances and for retries falling due). One round runs at a time on an instance; instances
 * share the work through the database's row locks.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    private static final int IO_THREADS = 4;

    @Inject
    Deliveries deliveries;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    /**
     * The HTTP client's own few threads, made by the server's managed thread factory: they only
     * move bytes and hand each outcome back. Given the managed executor instead, the client's many
     * small tasks each paid for the executor's context switch-over, and an attempt on the local
     * receiver took about 100 ms instead of one.
     */
    private ExecutorService io;

    @Inject
    @ConfigProperty(name = "paygate.webhook.retry.schedule", defaultValue = "1m,5m,30m,2h,5h,10h,12h,12h,12h,12h")
    String retrySchedule;

    @Inject
    @ConfigProperty(name = "paygate.webhook.timeout.ms", defaultValue = "10000")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "paygate.webhook.max.in.flight", defaultValue = "64")
    int maxInFlight;

    @Inject
    @ConfigProperty(name = "paygate.webhook.poll.ms", defaultValue = "1000")
    long pollMs;

    @Inject
    @ConfigProperty(name = "paygate.webhook.allow.private", defaultValue = "true")
    boolean allowPrivate;

    @Inject
    @ConfigProperty(name = "paygate.event.retention.days", defaultValue = "30")
    int retentionDays;

    /** How often events past their retention are looked for. */
    @Inject
    @ConfigProperty(name = "paygate.event.purge.interval.seconds", defaultValue = "600")
    long purgeIntervalSeconds;

    private RetrySchedule schedule;
    private WebhookSender sender;
    private Duration lease;
    private int perEndpoint;

    private final Queue<Finished> ended = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlightTo = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private ScheduledFuture<?> polls;
    private ScheduledFuture<?> purges;

    @PostConstruct
    void start() {
        schedule = RetrySchedule.parse(retrySchedule);
        Duration timeout = Duration.ofMillis(Math.max(1, timeoutMs));
        io = Executors.newFixedThreadPool(IO_THREADS, threads);
        sender = new WebhookSender(io, timeout, allowPrivate);
        // Long enough that an attempt still running is never claimed again; short enough that one
        // whose instance died is sent again soon.
        lease = timeout.plusSeconds(30);
        maxInFlight = Math.max(1, maxInFlight);
        perEndpoint = Math.max(1, maxInFlight / 2);
        polls = Periodic.every(scheduler, Duration.ofMillis(Math.max(50, pollMs)), "Webhook dispatch", this::nudge);
        purges = Periodic.every(
                scheduler, Duration.ofSeconds(Math.max(1, purgeIntervalSeconds)), "Event retention", this::purge);
        LOG.info(() -> "Webhooks: retries after " + retrySchedule + " (" + schedule.total() + " in all), timeout "
                + timeout.toMillis() + " ms, " + maxInFlight + " in flight at most");
    }

    @PreDestroy
    void stop() {
        stopped = true;
        polls.cancel(false);
        purges.cancel(false);
        io.shutdownNow();
    }

    /** Asks for a round soon; cheap, and many asks while a round runs make one more round. */
    public void nudge() {
        wanted.set(true);
        if (!stopped && running.compareAndSet(false, true)) {
            executor.execute(this::rounds);
        }
    }

    private void rounds() {
        try {
            while (wanted.getAndSet(false) && !stopped) {
                round();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook dispatch failed; trying again at the next poll", e);
        } finally {
            running.set(false);
        }
        if (wanted.get()) {
            nudge();
        }
    }

    private void round() {
        recordFinished();
        int free = maxInFlight - inFlight.get();
        if (free <= 0) {
            return;
        }
        Set<String> busy = inFlightTo.entrySet().stream()
                .filter(e -> e.getValue().get() >= perEndpoint)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        List<Claim> claims = deliveries.claim(free, busy, lease);
        for (Claim claim : claims) {
            inFlight.incrementAndGet();
            inFlightTo
                    .computeIfAbsent(claim.endpointId(), k -> new AtomicInteger())
                    .incrementAndGet();
            send(claim);
        }
    }

    private void send(Claim claim) {
        Instant attemptedAt = Instant.now();
        String signature = Signature.header(attemptedAt.getEpochSecond(), claim.payload(), claim.secrets());
        sender.send(
                        claim.url(),
                        claim.payload(),
                        List.of(
                                new String[] {Signature.HEADER, signature},
                                new String[] {"Paygate-Event-Id", claim.eventId()},
                                new String[] {"Paygate-Delivery-Id", claim.deliveryId()}))
                .whenCompleteAsync((outcome, error) -> finished(claim, outcome, error, attemptedAt), io);
    }

    /** An attempt ended: its outcome waits for the next round, which records all that ended in one transaction. */
    private void finished(Claim claim, Outcome outcome, Throwable error, Instant attemptedAt) {
        Outcome result = error == null ? outcome : new Outcome(null, String.valueOf(error), 0, null);
        ended.add(new Finished(claim, result, attemptedAt));
        inFlight.decrementAndGet();
        inFlightTo.computeIfPresent(claim.endpointId(), (k, n) -> n.decrementAndGet() == 0 ? null : n);
        nudge();
    }

    private void recordFinished() {
        List<Finished> batch = new ArrayList<>();
        for (Finished f = ended.poll(); f != null; f = ended.poll()) {
            batch.add(f);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            deliveries.record(batch, schedule);
        } catch (RuntimeException e) {
            // One at a time, so that one that cannot be recorded holds back no other; one not
            // recorded at all is sent again once its claim's lease has run out.
            for (Finished f : batch) {
                try {
                    deliveries.record(List.of(f), schedule);
                } catch (RuntimeException again) {
                    LOG.log(
                            Level.WARNING,
                            again,
                            () -> "Could not record delivery " + f.claim().deliveryId());
                }
            }
        }
    }

    private void purge() {
        int purged = deliveries.purge(Instant.now().minus(Duration.ofDays(Math.max(1, retentionDays))));
        if (purged > 0) {
            LOG.info(() -> "Forgot " + purged + " events older than " + retentionDays + " days");
        }
    }
}
