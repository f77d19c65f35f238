package dev.paygate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A gateway killed (SIGKILL, no clean stop) while it works, on any server: the load it is killed
 * under, and what must hold once it runs again on the same data and database — every payment
 * final, every accepted refund settled exactly once, nothing pending, and a refund whose message
 * is gone queued again within the janitor's bound.
 */
public final class Crash {

    static final int CLIENTS = 8;

    private Crash() {}

    /** What kills the gateway while the load runs. */
    @FunctionalInterface
    public interface Kill {
        void now() throws Exception;
    }

    /**
     * The settings of a gateway on {@code database} that a test kills: the demo merchant, no rate
     * limits, the acquirer's delays given, and no class-data archive (on Payara Micro start.sh then
     * execs the JVM, and a killed start records nothing).
     */
    public static Map<String, String> killableEnv(String database, long queueDelayMs, long processingDelayMs) {
        Map<String, String> env = new HashMap<>(TestDatabase.gatewayEnv(database));
        env.put("PAYGATE_DEMO_MERCHANT", "true");
        env.put("PAYGATE_CDS", "off");
        // The server's start-up in full, the broker's recovered transactions among it.
        env.put("PAYGATE_SERVER_LOG_LEVEL", "INFO");
        env.put("PAYGATE_PROCESSING_QUEUE_DELAY_MS", Long.toString(queueDelayMs));
        env.put("PAYGATE_PROCESSING_DELAY_MS", Long.toString(processingDelayMs));
        env.put("PAYGATE_RATE_LIMIT_READ_PER_SECOND", "100000");
        env.put("PAYGATE_RATE_LIMIT_WRITE_PER_SECOND", "100000");
        return env;
    }

    /** Creates {@code count} payments of 100.00 of the demo merchant and waits until they are completed. */
    public static List<String> completedPayments(Api api, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api.Reply created = api.post(
                    "/api/v1/payments", Api.cardPayment("merchant_123", "100.00", "4111111111111111", Map.of()));
            assertEquals(201, created.status(), created::toString);
            ids.add(created.json().getString("id"));
        }
        ids.forEach(id -> api.awaitStatus(id, "completed"));
        return ids;
    }

    /** Refunds a load must have had accepted before the kill, so that the kill catches some in flight. */
    public static final int LEAST_ACCEPTED = 10;

    static final int MOST_LOAD_SECONDS = 30;

    /**
     * Refunds of {@code refundable} and new payments from several clients at once for
     * {@code millis}, and longer (up to {@link #MOST_LOAD_SECONDS}) until at least
     * {@link #LEAST_ACCEPTED} refunds have been accepted: a server just started can take seconds
     * over its first refunds. Then {@code kill} while they are still being sent. Refunds answered
     * 202 are added to {@code accepted}. Returns one answer of each other status the clients got.
     */
    public static Map<Integer, String> underLoad(
            Api api,
            List<String> refundable,
            Set<String> accepted,
            AtomicInteger paymentsCreated,
            long millis,
            Kill kill)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Map<Integer, String> other = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            if (client == 0) {
                                Api.Reply created = api.post(
                                        "/api/v1/payments",
                                        Api.cardPayment("merchant_123", "5.00", "4111111111111111", Map.of()));
                                if (created.status() == 201) {
                                    paymentsCreated.incrementAndGet();
                                } else {
                                    other.putIfAbsent(created.status(), created.toString());
                                }
                            } else {
                                String payment = refundable.get((client * 31 + i) % refundable.size());
                                Api.Reply refund =
                                        api.post("/api/v1/payments/" + payment + "/refund", "{\"amount\":0.01}");
                                if (refund.status() == 202) {
                                    accepted.add(refund.json().getString("id"));
                                } else {
                                    other.putIfAbsent(refund.status(), refund.toString());
                                }
                            }
                        } catch (RuntimeException killed) {
                            return; // the gateway is gone
                        }
                    }
                });
            }
            Thread.sleep(millis);
            long longest = System.nanoTime() + TimeUnit.SECONDS.toNanos(MOST_LOAD_SECONDS);
            while (accepted.size() < LEAST_ACCEPTED && System.nanoTime() < longest) {
                Thread.sleep(50);
            }
            kill.now(); // with requests in flight
            stop.set(true);
        } finally {
            stop.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "the clients stopped");
        }
        return other;
    }

    /**
     * Kills with SIGKILL, as a crash would, every JVM that {@code process} is or has started (a
     * start script may run the server as its child, as WildFly's does), then {@code process}
     * itself, and waits until they are gone. One of the JVMs must be the server, its command line
     * naming {@code serverJar}.
     */
    public static void kill(Process process, String serverJar) throws Exception {
        List<ProcessHandle> jvms = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .toList();
        assertTrue(
                jvms.stream().anyMatch(jvm -> commandLine(jvm).contains(serverJar)),
                "the server's JVM (" + serverJar + ") is among "
                        + jvms.stream().map(Crash::commandLine).toList());
        jvms.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        for (ProcessHandle jvm : jvms) {
            jvm.onExit().get(30, TimeUnit.SECONDS);
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the start script is gone");
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc/" + process.pid() + "/cmdline"))
                    .replace('\0', ' ');
        } catch (java.io.IOException gone) {
            return "";
        }
    }

    /** How many payments are pending or processing. */
    public static long unfinishedPayments(Statement sql) throws SQLException {
        return count(sql, "SELECT count(*) FROM payments WHERE lower(status) IN ('pending', 'processing')");
    }

    /** Waits until no payment is pending or processing and no refund pending, for {@code nanos} at most. */
    public static void awaitNothingPending(Statement sql, long nanos, String when) throws Exception {
        long deadline = System.nanoTime() + nanos;
        while (unfinishedPayments(sql) > 0
                || count(sql, "SELECT count(*) FROM refunds WHERE lower(status) = 'pending'") > 0) {
            assertTrue(
                    System.nanoTime() < deadline,
                    "still unfinished " + when + ": "
                            + rows(
                                    sql,
                                    "SELECT id, status FROM payments WHERE lower(status) IN ('pending', 'processing')")
                            + rows(sql, "SELECT id, status FROM refunds WHERE lower(status) = 'pending'"));
            Thread.sleep(250);
        }
    }

    /**
     * Waits for {@code nanos} at most until nothing is pending, then checks that every payment is
     * final and every refund in {@code accepted}, and every other one, succeeded, each counted once.
     */
    public static void assertSettled(Statement sql, Set<String> accepted, long nanos, String when) throws Exception {
        awaitNothingPending(sql, nanos, when);
        assertEquals(
                0,
                count(
                        sql,
                        "SELECT count(*) FROM payments WHERE lower(status) NOT IN "
                                + "('completed', 'failed', 'cancelled', 'refunded')"),
                "every payment is final");
        for (String id : accepted) {
            assertEquals(
                    List.of("succeeded"),
                    column(sql, "SELECT lower(status) FROM refunds WHERE id = '" + id + "'"),
                    "the accepted refund " + id + " was settled");
        }
        assertEquals(0, count(sql, "SELECT count(*) FROM refunds WHERE lower(status) <> 'succeeded'"));
        assertExactlyOnce(sql);
    }

    /**
     * A refund of {@code payment} whose message is gone (its row as a lost message leaves it, and
     * no message) must be queued again and settled within the janitor's bound and a few seconds;
     * returns how long it took, in milliseconds.
     */
    public static long assertStrandedRefundQueuedAgain(Statement sql, String payment, int requeueAfterSeconds)
            throws Exception {
        String stranded = "re_stranded" + Long.toHexString(System.nanoTime());
        sql.execute("INSERT INTO refunds (id, payment_id, amount, currency, status, reason, created_at, "
                + "updated_at, version) VALUES ('" + stranded + "', '" + payment + "', 0.01, 'USD', 'PENDING', "
                + "'stranded', now(), now(), 0)");
        long inserted = System.nanoTime();
        while (!column(sql, "SELECT lower(status) FROM refunds WHERE id = '" + stranded + "'")
                .equals(List.of("succeeded"))) {
            assertTrue(
                    System.nanoTime() - inserted < TimeUnit.SECONDS.toNanos(requeueAfterSeconds + 3),
                    "the stranded refund was not queued again within " + requeueAfterSeconds + " s");
            Thread.sleep(100);
        }
        assertExactlyOnce(sql);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - inserted);
    }

    /** Each settled refund counted once: one refund transaction each, and in the payment's refunded amount. */
    public static void assertExactlyOnce(Statement sql) throws SQLException {
        assertEquals(List.of(), column(sql, """
                SELECT p.id || ': refunded ' || p.refunded_amount || ', succeeded refunds ' || coalesce(r.total, 0)
                       || ' in ' || coalesce(r.n, 0) || ', refund transactions ' || coalesce(t.n, 0)
                FROM payments p
                LEFT JOIN (SELECT payment_id, sum(amount) total, count(*) n FROM refunds
                           WHERE lower(status) = 'succeeded' GROUP BY payment_id) r ON r.payment_id = p.id
                LEFT JOIN (SELECT payment_id, count(*) n FROM payment_transactions
                           WHERE lower(type) = 'refund' GROUP BY payment_id) t ON t.payment_id = p.id
                WHERE (p.refunded_amount <> coalesce(r.total, 0) OR coalesce(r.n, 0) <> coalesce(t.n, 0))
                  -- the settled day that SettlementCrash writes with SQL, not through the API
                  AND p.id NOT LIKE 'pay\\_seed%'"""), "every succeeded refund is counted exactly once");
        assertEquals(List.of(), column(sql, """
                SELECT payment_id || ' ' || type || ' ' || status || ' x' || count(*) FROM payment_transactions
                WHERE lower(type) <> 'refund' GROUP BY payment_id, type, status HAVING count(*) > 1"""), "no payment step ran twice");
        assertEventsMatchChanges(sql);
    }

    /**
     * The outbox kept its promise through the crash: each payment and refund has one event per
     * change it went through (its revision), numbered 1 to n, the last naming its status now; no
     * event names a change that was rolled back (an object, or a step of it, that does not exist).
     */
    public static void assertEventsMatchChanges(Statement sql) throws SQLException {
        assertEquals(List.of(), column(sql, """
                SELECT o.id || ' at revision ' || o.revision || ', ' || o.status || ': events '
                       || coalesce(e.n, 0) || ', sequences to ' || coalesce(e.top, 0)
                FROM (SELECT id, revision, lower(status) status, 'payment' kind FROM payments
                      -- the settled day that SettlementCrash writes with SQL, not through the API
                      WHERE id NOT LIKE 'pay\\_seed%'
                      UNION ALL SELECT id, revision, lower(status), 'refund' FROM refunds
                      -- and the stranded refunds that CrashIT writes so
                      WHERE id NOT LIKE 're_stranded%' AND id NOT LIKE 're\\_seed%') o
                LEFT JOIN (SELECT object_id, count(*) n, max(sequence) top FROM events GROUP BY object_id) e
                       ON e.object_id = o.id
                WHERE coalesce(e.n, 0) <> o.revision OR coalesce(e.top, 0) <> o.revision
                   OR NOT EXISTS (SELECT 1 FROM events l WHERE l.object_id = o.id AND l.sequence = o.revision
                                  AND l.type = o.kind || '.' || CASE o.status WHEN 'pending' THEN 'created'
                                                                              ELSE o.status END)"""), "every committed change has its event, once");
        assertEquals(List.of(), column(sql, """
                SELECT id || ' ' || type || ' of ' || object_id FROM events e
                WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.id = e.object_id)
                  AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.id = e.object_id)
                  AND NOT EXISTS (SELECT 1 FROM settlements s WHERE s.id = e.object_id)
                  AND NOT EXISTS (SELECT 1 FROM payouts o WHERE o.id = e.object_id)"""), "no event of a change that was rolled back");
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + TestDatabase.host() + ":" + TestDatabase.port() + "/" + database,
                TestDatabase.user(),
                TestDatabase.password());
    }

    public static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static List<String> column(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static String rows(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1) + "=" + rs.getString(2));
            }
        }
        return values.toString();
    }
}
