package dev.paygate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A settlement run killed in the middle of a day, on any server: a day large enough that the job
 * commits several chunks, written straight into the database; the run started and the server
 * killed once two chunks are committed; and what must hold once the server runs again — the run
 * taken up when its lease has run out, the new execution reading only what the committed chunks
 * had not settled, and the day ending with exactly the figures computed in SQL here, each source
 * settled once. The gateway must run with {@code PAYGATE_SETTLEMENT_LEASE_SECONDS} short and its
 * daily settlement off ({@link #ENV}), so that the day is settled by the test's run alone.
 */
public final class SettlementCrash {

    /** Captures and refunds of the seeded day; their ids start with {@code pay_seed} and {@code re_seed}. */
    public static final int CAPTURES = 40_000;

    public static final int REFUNDS = 4_000;

    /** Items a chunk of the settlement job commits: {@code item-count} in settlement.xml. */
    public static final int CHUNK = 5_000;

    public static final Map<String, String> ENV =
            Map.of("PAYGATE_SETTLEMENT_LEASE_SECONDS", "6", "PAYGATE_SETTLEMENT_SCHEDULE", "false");

    private SettlementCrash() {}

    /** The day seeded: yesterday, UTC, so that it has ended and today's traffic is not in it. */
    public static LocalDate day() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(1);
    }

    /**
     * The demo merchant's completed card payments of {@code day} in EUR, written straight into the
     * database (the API would take minutes for as many), and refunds of some of them.
     */
    public static void seedDay(Statement sql, LocalDate day) throws Exception {
        String start = "TIMESTAMP WITH TIME ZONE '" + day + " 00:00:00+00'";
        sql.execute("INSERT INTO payments (id, merchant_id, order_id, amount, currency, status, payment_method,"
                + " scenario, refunded_amount, amount_captured, created_at, updated_at, version)"
                + " SELECT 'pay_seed' || i, 'merchant_123', 'order_' || i, (i % 9000 + 100) / 100.0, 'EUR',"
                + " 'COMPLETED', 'CARD', 'APPROVE', 0, (i % 9000 + 100) / 100.0,"
                + " " + start + " + i * INTERVAL '2 seconds', " + start + " + i * INTERVAL '2 seconds', 0"
                + " FROM generate_series(1, " + CAPTURES + ") i");
        sql.execute("INSERT INTO payment_transactions (id, payment_id, type, amount, currency, status,"
                + " gateway_transaction_id, created_at)"
                + " SELECT 'txn_seed' || i, 'pay_seed' || i, 'CHARGE', (i % 9000 + 100) / 100.0, 'EUR', 'SUCCEEDED',"
                + " 'gw_' || i, " + start + " + i * INTERVAL '2 seconds' FROM generate_series(1, "
                + CAPTURES + ") i");
        sql.execute("INSERT INTO refunds (id, payment_id, amount, currency, status, created_at, updated_at, version)"
                + " SELECT 're_seed' || i, 'pay_seed' || i, 1.00, 'EUR', 'SUCCEEDED',"
                + " " + start + " + i * INTERVAL '2 seconds' + INTERVAL '1 second',"
                + " " + start + " + i * INTERVAL '2 seconds' + INTERVAL '1 second', 0"
                + " FROM generate_series(1, " + REFUNDS + ") i");
        sql.execute("ANALYZE");
    }

    /** Starts the run of {@code day} through the admin API; returns its id. */
    public static String start(Api operator, LocalDate day) {
        Api.Reply started = operator.post("/api/v1/admin/settlements/run", "{\"date\": \"" + day + "\"}");
        assertEquals(202, started.status(), started::toString);
        return started.json().getString("id");
    }

    /** Waits until the job has committed two chunks, 60 s at most. */
    public static void awaitTwoChunks(Statement sql) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Crash.count(sql, "SELECT COUNT(*) FROM settlement_items") < 2 * CHUNK) {
            assertTrue(System.nanoTime() < deadline, "the job committed no two chunks within 60 s");
            Thread.sleep(20);
        }
    }

    /** After the kill: the items settled, fewer than the day's, and the run still running. */
    public static long settledAtKill(Statement sql, String runId) throws Exception {
        long settled = Crash.count(sql, "SELECT COUNT(*) FROM settlement_items");
        assertTrue(settled < CAPTURES + REFUNDS, "the kill came before the end: " + settled + " items");
        assertEquals(
                List.of("RUNNING"), Crash.column(sql, "SELECT status FROM settlement_runs WHERE id = '" + runId + "'"));
        return settled;
    }

    /**
     * After the restart: waits (90 s at most) until the run has completed, and checks it against
     * the SQL figures of {@code day}; {@code log} is the restarted server's. Returns the items
     * the new execution read.
     */
    public static int assertResumed(
            Api operator, Statement sql, String runId, long settledAtKill, LocalDate day, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        JsonObject run = operator.get("/api/v1/admin/settlement_runs/" + runId).json();
        while (!"completed".equals(run.getString("status"))
                || !"COMPLETED".equals(run.getJsonObject("job_execution").getString("batch_status"))) {
            assertTrue(System.nanoTime() < deadline, run::toString);
            assertTrue(!"failed".equals(run.getString("status")), run::toString);
            Thread.sleep(200);
            run = operator.get("/api/v1/admin/settlement_runs/" + runId).json();
        }
        assertEquals(2, run.getInt("attempts"), run::toString);
        JsonObject items = run.getJsonObject("job_execution").getJsonArray("steps").stream()
                .map(JsonValue::asJsonObject)
                .filter(st -> st.getString("name").equals("items"))
                .findFirst()
                .orElseThrow();
        // The second execution read only what the first had not settled.
        assertEquals(CAPTURES + REFUNDS - settledAtKill, items.getInt("read"), run::toString);

        assertEquals(CAPTURES + REFUNDS, Crash.count(sql, "SELECT COUNT(*) FROM settlement_items"));
        String within = " created_at >= TIMESTAMP WITH TIME ZONE '" + day + " 00:00:00+00' AND created_at"
                + " < TIMESTAMP WITH TIME ZONE '" + day.plusDays(1) + " 00:00:00+00'";
        String expected = String.join(
                " ",
                Crash.column(
                        sql,
                        "SELECT SUM(amount) || ' ' || SUM(refunded) || ' ' || SUM(fee) || ' '"
                                + " || (SUM(amount) - SUM(refunded) - SUM(fee)) || ' ' || COUNT(*) FROM ("
                                + " SELECT t.amount, 0 AS refunded, ROUND(t.amount * 2.9 / 100, 2) + 0.30 AS fee"
                                + " FROM payment_transactions t WHERE t.status = 'SUCCEEDED'"
                                + " AND t.type IN ('CHARGE', 'CAPTURE') AND" + within
                                + " UNION ALL SELECT 0, r.amount, 0 FROM refunds r WHERE r.status = 'SUCCEEDED'"
                                + " AND" + within + ") x"));
        String settled = String.join(
                " ",
                Crash.column(
                        sql,
                        "SELECT gross || ' ' || refunds || ' ' || fees || ' ' || net || ' ' || item_count"
                                + " FROM settlements WHERE status = 'COMPLETE'"));
        assertEquals(normalised(expected), normalised(settled));
        assertEquals(
                List.of("1"),
                Crash.column(sql, "SELECT COUNT(*) FROM payouts WHERE amount = (SELECT net FROM settlements)"));
        assertTrue(
                Files.readString(log).contains("Settlement run " + runId + " resumed"),
                "the restart says what it took up, in " + log);
        return items.getInt("read");
    }

    /** Figures written by PostgreSQL's numeric to text, without trailing zeros, for comparison. */
    private static String normalised(String figures) {
        return Arrays.stream(figures.split(" "))
                .map(f -> new BigDecimal(f).stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(" "));
    }
}
