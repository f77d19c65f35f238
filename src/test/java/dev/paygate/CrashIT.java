package dev.paygate;

import static dev.paygate.GatewaySmokeIT.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.Api;
import dev.paygate.it.Crash;
import dev.paygate.it.SettlementCrash;
import dev.paygate.it.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The gateway killed (SIGKILL, no clean stop) again and again while payments are pending and
 * processing and refunds are being accepted, on PostgreSQL with the embedded broker, then started
 * once more on the same data: every payment reaches a final status, every accepted refund is
 * settled exactly once, and nothing is left pending. A refund whose message is gone altogether
 * (as a broker failure would leave it) is queued again and settled within the janitor's bound.
 * And of two instances on one database, the one holding ~100 unfinished payments is killed: the
 * other finishes each of them once, within the default recovery bound.
 */
class CrashIT {

    static final int CRASHES = 3;
    static final int PAYMENTS_TO_REFUND = 12;
    static final int CLIENTS = 8;
    /** The bounds under test, short so that the test is quick. */
    static final int RECOVERY_AFTER_SECONDS = 10;

    static final int REQUEUE_AFTER_SECONDS = 6;
    /**
     * How long after a restart is ready everything the kill left must be finished: the start-up
     * recovery takes every unfinished payment and the janitor every refund pending longer than
     * its bound at once, so the bounds, the acquirer's delays and slack for a busy machine.
     */
    static final int BOUND_SLACK_SECONDS = Math.max(RECOVERY_AFTER_SECONDS, REQUEUE_AFTER_SECONDS) + 15;

    @Test
    void killedWithPaymentsAndRefundsInFlightItFinishesEveryPaymentAndSettlesEveryRefundOnce() throws Exception {
        TestDatabase.withOwnDatabase("paygate_crash", (database, admin) -> {
            Map<String, String> env = Crash.killableEnv(database, 1000, 1500);
            env.put("PAYGATE_PROCESSING_RECOVERY_AFTER_SECONDS", Integer.toString(RECOVERY_AFTER_SECONDS));
            env.put("PAYGATE_REFUND_REQUEUE_AFTER_SECONDS", Integer.toString(REQUEUE_AFTER_SECONDS));
            Path data = GatewaySmokeIT.fresh(ROOT.resolve("data-crash"));
            int port = GatewaySmokeIT.freePort();
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            List<String> refundable = new ArrayList<>();
            AtomicInteger paymentsCreated = new AtomicInteger();
            List<Long> inDoubt = new ArrayList<>();

            for (int crash = 1; crash <= CRASHES; crash++) {
                GatewaySmokeIT.Running gateway = GatewaySmokeIT.start(port, data, env, "crash-" + crash);
                try (Connection db = Crash.connect(database);
                        Statement sql = db.createStatement()) {
                    Api api = gateway.api();
                    if (crash > 1) {
                        inDoubt.add(preparedAtStart(ROOT.resolve("crash-" + crash + ".log")));
                        Crash.awaitNothingPending(
                                sql, TimeUnit.SECONDS.toNanos(BOUND_SLACK_SECONDS), "after restart " + crash);
                    }
                    if (refundable.isEmpty()) {
                        refundable.addAll(Crash.completedPayments(api, PAYMENTS_TO_REFUND));
                    }
                    long loadMillis = 1500 + ThreadLocalRandom.current().nextLong(2000);
                    Crash.underLoad(
                            api, refundable, accepted, paymentsCreated, loadMillis, () -> kill(gateway.process()));
                } finally {
                    gateway.process().destroyForcibly();
                    gateway.process().waitFor(30, TimeUnit.SECONDS);
                }
            }
            assertTrue(accepted.size() >= CRASHES * 10, "refunds were accepted under load: " + accepted.size());

            try (GatewaySmokeIT.Running gateway = GatewaySmokeIT.start(port, data, env, "crash-restarted");
                    Connection db = Crash.connect(database);
                    Statement sql = db.createStatement()) {
                // Everything in flight at the kills is finished within the bounds, counted from
                // the moment the gateway is ready again (plus the acquirer's delays and some slack).
                Crash.assertSettled(
                        sql, accepted, TimeUnit.SECONDS.toNanos(BOUND_SLACK_SECONDS), "after the last restart");
                inDoubt.add(preparedAtStart(ROOT.resolve("crash-restarted.log")));

                long strandedMs = Crash.assertStrandedRefundQueuedAgain(sql, refundable.get(0), REQUEUE_AFTER_SECONDS);
                String log = Files.readString(ROOT.resolve("crash-restarted.log"));
                assertTrue(
                        log.contains("Re-queued 1 refunds"), "the janitor said what it did; see crash-restarted.log");
                System.out.printf(
                        "CrashIT: %d crashes, %d refunds accepted, %d payments created under load; "
                                + "broker transactions found prepared at the restarts %s; the stranded refund settled after %d ms%n",
                        CRASHES, accepted.size(), paymentsCreated.get(), inDoubt, strandedMs);
            }
        });
    }

    /** The product's default recovery bound; the takeover test runs with it, nothing set. */
    static final int DEFAULT_RECOVERY_AFTER_SECONDS = 30;

    static final int TAKEOVER_PAYMENTS = 100;
    static final long TAKEOVER_QUEUE_DELAY_MS = 3_000;
    /**
     * Longer than one check period (a third of the bound) plus the slack: a survivor that waited
     * the processing delay again after taking a payment over would break the bound for every
     * payment that was processing at the kill, however the checks fall.
     */
    static final long TAKEOVER_PROCESSING_DELAY_MS = 16_000;
    /** For the check's own query and transaction, and a busy two-core machine. */
    static final long TAKEOVER_SLACK_MS = 5_000;
    /**
     * How long after it was created a payment of a dead instance is final at the latest. Its answer
     * falls due the two delays after it was created; a survivor takes over a payment once it is
     * overdue by the bound less one check period, and checks every third of the bound, so it takes
     * it within the bound of falling due; and a payment whose time has passed is answered at once.
     * So: queue delay + processing delay + bound + slack = 3 + 16 + 30 + 5 = 54 s. Every payment was
     * created before the kill, so this is also the most the last one may take from the kill.
     */
    static final long TAKEOVER_LIMIT_MS = TAKEOVER_QUEUE_DELAY_MS
            + TAKEOVER_PROCESSING_DELAY_MS
            + TimeUnit.SECONDS.toMillis(DEFAULT_RECOVERY_AFTER_SECONDS)
            + TAKEOVER_SLACK_MS;

    @Test
    void whenOneOfTwoInstancesIsKilledTheOtherFinishesItsPaymentsOnceWithinTheRecoveryBound() throws Exception {
        Properties defaults = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            defaults.load(in);
        }
        assertEquals(
                Integer.toString(DEFAULT_RECOVERY_AFTER_SECONDS),
                defaults.getProperty("paygate.processing.recovery.after.seconds"),
                "the bound this test expects is the gateway's default");
        TestDatabase.withOwnDatabase("paygate_takeover", (database, admin) -> {
            // Both with the default recovery bound: PAYGATE_PROCESSING_RECOVERY_AFTER_SECONDS is not set.
            Map<String, String> env =
                    Crash.killableEnv(database, TAKEOVER_QUEUE_DELAY_MS, TAKEOVER_PROCESSING_DELAY_MS);
            // Started together, as replicas are; only A makes the demo merchant, whose key B accepts too.
            Map<String, String> envB = new HashMap<>(env);
            envB.put("PAYGATE_DEMO_MERCHANT", "false");
            Path dataA = GatewaySmokeIT.fresh(ROOT.resolve("data-takeover-a"));
            Path dataB = GatewaySmokeIT.fresh(ROOT.resolve("data-takeover-b"));
            ExecutorService starting = Executors.newFixedThreadPool(2);
            Future<GatewaySmokeIT.Running> startingA =
                    starting.submit(() -> GatewaySmokeIT.start(GatewaySmokeIT.freePort(), dataA, env, "takeover-a"));
            Future<GatewaySmokeIT.Running> startingB =
                    starting.submit(() -> GatewaySmokeIT.start(GatewaySmokeIT.freePort(), dataB, envB, "takeover-b"));
            starting.shutdown();
            try {
                GatewaySmokeIT.Running a = startingA.get();
                GatewaySmokeIT.Running b = startingB.get();
                // The payments go to A only once B is up: an instance starting takes every unfinished payment.
                Map<String, String> expected = new ConcurrentHashMap<>();
                create(a.api(), TAKEOVER_PAYMENTS / 2, expected);
                long picked = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TAKEOVER_QUEUE_DELAY_MS + 10_000);
                while (!unfinished(a.api(), "pending").isEmpty()) {
                    assertTrue(System.nanoTime() < picked, "A picked up the first payments");
                    Thread.sleep(100);
                }
                create(a.api(), TAKEOVER_PAYMENTS - expected.size(), expected);
                List<String> processing = unfinished(a.api(), "processing");
                List<String> pending = unfinished(a.api(), "pending");
                assertEquals(
                        TAKEOVER_PAYMENTS,
                        processing.size() + pending.size(),
                        "every payment is unfinished at the kill");

                long killed = System.nanoTime();
                kill(a.process());
                long giveUp = killed + TimeUnit.MILLISECONDS.toNanos(TAKEOVER_LIMIT_MS + 30_000);
                while (!unfinished(b.api(), "pending").isEmpty()
                        || !unfinished(b.api(), "processing").isEmpty()) {
                    assertTrue(System.nanoTime() < giveUp, "B did not finish A's payments; see takeover-b.log");
                    Thread.sleep(200);
                }
                long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);

                for (Map.Entry<String, String> payment : expected.entrySet()) {
                    String id = payment.getKey();
                    JsonObject finished = b.api().get("/api/v1/payments/" + id).json();
                    assertEquals(payment.getValue(), finished.getString("status"), id + " is final as its card says");
                    String outcome = payment.getValue().equals("completed") ? "succeeded" : "failed";
                    JsonArray transactions = b.api()
                            .get("/api/v1/payments/" + id + "/transactions")
                            .array();
                    assertEquals(
                            List.of("charge:pending", "charge:processing", "charge:" + outcome),
                            transactions.stream()
                                    .map(JsonValue::asJsonObject)
                                    .map(t -> t.getString("type") + ":" + t.getString("status"))
                                    .toList(),
                            id + " was charged exactly once");
                    Instant created = Instant.parse(finished.getString("created_at"));
                    Instant answered =
                            Instant.parse(transactions.getJsonObject(2).getString("created_at"));
                    assertTrue(
                            !answered.isAfter(created.plusMillis(TAKEOVER_LIMIT_MS)),
                            id + " created at " + created + " was answered at " + answered + ", later than "
                                    + TAKEOVER_LIMIT_MS + " ms after");
                }
                assertTrue(
                        tookMs <= TAKEOVER_LIMIT_MS,
                        "the last payment was final " + tookMs + " ms after the kill; " + "the bound is "
                                + TAKEOVER_LIMIT_MS + " ms");
                System.out.printf(
                        "CrashIT: %d payments (%d pending, %d processing) of the killed instance, all final "
                                + "%d ms after the kill (at most %d ms)%n",
                        TAKEOVER_PAYMENTS, pending.size(), processing.size(), tookMs, TAKEOVER_LIMIT_MS);
            } finally {
                stop(startingA);
                stop(startingB);
            }
        });
    }

    /** Stops the gateway that {@code starting} started, if it started (one that did not was stopped by start). */
    static void stop(Future<GatewaySmokeIT.Running> starting) throws InterruptedException {
        try {
            starting.get().close();
        } catch (ExecutionException notStarted) {
            // nothing left running
        }
    }

    /**
     * Creates {@code count} payments at once through {@code api}, with the test cards mixed, and
     * puts into {@code expected} each one's id and the final status its card says.
     */
    static void create(Api api, int count, Map<String, String> expected) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String card = switch (i % 5) {
                    case 1 -> "4000000000000002"; // declined
                    case 3 -> "4000000000009995"; // insufficient funds
                    default -> "4111111111111111";
                };
                sent.add(clients.submit(() -> {
                    Api.Reply created =
                            api.post("/api/v1/payments", Api.cardPayment("merchant_123", "7.00", card, Map.of()));
                    assertEquals(201, created.status(), created::toString);
                    expected.put(
                            created.json().getString("id"), card.equals("4111111111111111") ? "completed" : "failed");
                    return null;
                }));
            }
            for (var reply : sent) {
                reply.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * The settlement job killed in the middle of a day: after the restart the gateway takes the
     * run up again once its lease has run out and reads on from what the committed chunks settled;
     * the day ends with exactly the figures computed in SQL, each source settled once.
     */
    @Test
    void aSettlementRunKilledMidwayEndsWithTheFiguresOfAnUndisturbedOne() throws Exception {
        TestDatabase.withOwnDatabase("paygate_settle_crash", (database, admin) -> {
            Map<String, String> env = Crash.killableEnv(database, 0, 0);
            env.put("PAYGATE_ADMIN_TOKEN", "admin_crash");
            env.putAll(SettlementCrash.ENV);
            Path data = GatewaySmokeIT.fresh(ROOT.resolve("data-settle-crash"));
            int port = GatewaySmokeIT.freePort();
            LocalDate day = SettlementCrash.day();
            String runId;
            long settledAtKill;
            GatewaySmokeIT.Running gateway = GatewaySmokeIT.start(port, data, env, "settle-crash-1");
            try (Connection db = Crash.connect(database);
                    Statement sql = db.createStatement()) {
                SettlementCrash.seedDay(sql, day);
                runId = SettlementCrash.start(gateway.api().withKey("admin_crash"), day);
                SettlementCrash.awaitTwoChunks(sql);
                kill(gateway.process());
                settledAtKill = SettlementCrash.settledAtKill(sql, runId);
            } finally {
                gateway.process().destroyForcibly();
                gateway.process().waitFor(30, TimeUnit.SECONDS);
            }

            try (GatewaySmokeIT.Running restarted = GatewaySmokeIT.start(port, data, env, "settle-crash-2");
                    Connection db = Crash.connect(database);
                    Statement sql = db.createStatement()) {
                int read = SettlementCrash.assertResumed(
                        restarted.api().withKey("admin_crash"),
                        sql,
                        runId,
                        settledAtKill,
                        day,
                        ROOT.resolve("settle-crash-2.log"));
                System.out.printf(
                        "CrashIT: settlement run killed after %d of %d items; the restarted execution read %d%n",
                        settledAtKill, SettlementCrash.CAPTURES + SettlementCrash.REFUNDS, read);
            }
        });
    }

    /** The ids of the payments in {@code status} (there are never more than a page of them here). */
    static List<String> unfinished(Api api, String status) {
        Api.Reply page = api.get("/api/v1/payments?status=" + status + "&limit=100");
        assertEquals(200, page.status(), page::toString);
        assertTrue(!page.json().getBoolean("has_more"), page::toString);
        return page.json().getJsonArray("data").stream()
                .map(p -> p.asJsonObject().getString("id"))
                .toList();
    }

    /** Kills the gateway's JVM with SIGKILL, as a crash would (no clean stop), and waits until it is gone. */
    static void kill(Process jvm) throws Exception {
        Crash.kill(jvm, "payara-micro.jar");
    }

    /** How many prepared transactions the embedded broker found in its store when it started. */
    static long preparedAtStart(Path log) throws Exception {
        return Files.readAllLines(log).stream()
                .filter(l -> l.contains("Recovered prepared XA TX"))
                .count();
    }
}
