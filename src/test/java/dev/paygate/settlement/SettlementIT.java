package dev.paygate.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import dev.paygate.it.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A day of mixed traffic for three merchants in three currencies, settled by the job and checked,
 * settlement by settlement and item by item, against the same figures computed in SQL here from
 * the payments' own tables; then the CSV report, the payouts and their events, a second run that
 * changes nothing, and another merchant who sees none of it.
 */
class SettlementIT extends AgainstGateway {

    /** The fee rules the test sets, as the SQL below prices with them: percent and fixed minor units. */
    private static final String EUR_CARD = "1.5";

    private static final int EUR_CARD_FIXED = 25;
    private static final String JPY_CARD = "3.6";

    private Api merchantApi(String id) {
        return new Api(base, createMerchant(id));
    }

    private String pay(
            Api as, String merchantId, String amount, String currency, String card, Map<String, Object> more) {
        Map<String, Object> fields = new HashMap<>(more);
        fields.put("currency", currency);
        Api.Reply reply = as.post("/api/v1/payments", Api.cardPayment(merchantId, amount, card, fields));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    private String paypal(Api as, String merchantId, String amount, String currency) {
        Api.Reply reply = as.post(
                "/api/v1/payments",
                Api.toJson(Map.of(
                        "merchant_id",
                        merchantId,
                        "order_id",
                        Api.order(),
                        "amount",
                        new BigDecimal(amount),
                        "currency",
                        currency,
                        "payment_method",
                        "paypal",
                        "customer_email",
                        "buyer@example.com")));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    private static void refund(Api as, String paymentId, String amount) {
        Api.Reply reply = as.post(
                "/api/v1/payments/" + paymentId + "/refund", amount == null ? null : "{\"amount\": " + amount + "}");
        assertEquals(202, reply.status(), reply::toString);
        String id = reply.json().getString("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"succeeded".equals(as.get("/api/v1/refunds/" + id).json().getString("status"))) {
            assertTrue(System.nanoTime() < deadline, "refund " + id + " did not succeed");
            Api.sleep(20);
        }
    }

    private static void capture(Api as, String paymentId, String amount) {
        as.awaitStatus(paymentId, "authorized");
        Api.Reply reply = as.post(
                "/api/v1/payments/" + paymentId + "/capture", amount == null ? null : "{\"amount\": " + amount + "}");
        assertEquals(200, reply.status(), reply::toString);
    }

    /** Starts a run and waits for it to end; a run of the same day going on is waited for first. */
    private JsonObject settle(LocalDate day, String merchantId) {
        String body = "{\"date\": \"" + day + "\""
                + (merchantId == null ? "" : ", \"merchant_id\": \"" + merchantId + "\"") + "}";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Api.Reply started = admin.post("/api/v1/admin/settlements/run", body);
        while (started.status() == 409 && System.nanoTime() < deadline) {
            Api.sleep(200);
            started = admin.post("/api/v1/admin/settlements/run", body);
        }
        assertEquals(202, started.status(), started::toString);
        String runId = started.json().getString("id");
        JsonObject run = started.json();
        while (!"completed".equals(run.getString("status")) || !"COMPLETED".equals(batchStatus(run))) {
            assertTrue(
                    System.nanoTime() < deadline,
                    () -> "run did not complete: "
                            + admin.get("/api/v1/admin/settlement_runs/" + runId)
                                    .body());
            assertTrue(!"failed".equals(run.getString("status")), run::toString);
            Api.sleep(100);
            run = admin.get("/api/v1/admin/settlement_runs/" + runId).json();
        }
        return run;
    }

    private static String batchStatus(JsonObject run) {
        return run.isNull("job_execution")
                ? null
                : run.getJsonObject("job_execution").getString("batch_status");
    }

    @Test
    void aDaySettlesToTheCentAsSqlComputesItAndOnlyOnce() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String eurId = merchant;
        Api eur = api;
        String usdId = Api.merchant();
        Api usd = merchantApi(usdId);
        String jpyId = Api.merchant();
        Api jpy = merchantApi(jpyId);
        setRule(eurId, "card", "EUR", EUR_CARD, EUR_CARD_FIXED);
        setRule(jpyId, "card", "JPY", JPY_CARD, 0);

        // A payment of an earlier day, settled with that day; its refund today settles today, negative.
        String earlier = pay(eur, eurId, "50.00", "EUR", "4242424242424242", Map.of());
        eur.awaitStatus(earlier, "completed");
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("UPDATE payment_transactions SET created_at = created_at"
                        + " - INTERVAL '1 day' WHERE payment_id = ?")) {
            s.setString(1, earlier);
            s.executeUpdate();
        }
        settle(today.minusDays(1), eurId);
        refund(eur, earlier, "20.00");

        List<String> done = new ArrayList<>();
        List<String[]> merchants = List.of(
                new String[] {eurId, "EUR", "100.00", "33.33", "80.00"},
                new String[] {usdId, "USD", "250.00", "19.99", "120.00"},
                new String[] {jpyId, "JPY", "5000", "1234", "3000"});
        Map<String, Api> as = Map.of(eurId, eur, usdId, usd, jpyId, jpy);
        for (String[] m : merchants) {
            Api a = as.get(m[0]);
            String full = pay(a, m[0], m[2], m[1], "4242424242424242", Map.of());
            String small = pay(a, m[0], m[3], m[1], "5555555555554444", Map.of());
            String partiallyRefunded = pay(a, m[0], m[2], m[1], "4242424242424242", Map.of());
            String fullyRefunded = pay(a, m[0], m[3], m[1], "4242424242424242", Map.of());
            String partialCapture = pay(a, m[0], m[2], m[1], "4242424242424242", Map.of("capture_method", "manual"));
            String fullCapture = pay(a, m[0], m[4], m[1], "4242424242424242", Map.of("capture_method", "manual"));
            String voided = pay(a, m[0], m[4], m[1], "4242424242424242", Map.of("capture_method", "manual"));
            String declined = pay(a, m[0], m[3], m[1], "4000000000000002", Map.of());
            String cancelled = pay(a, m[0], m[3], m[1], "4242424242424242", Map.of());
            a.post("/api/v1/payments/" + cancelled + "/cancel", null);
            for (String p : List.of(full, small, partiallyRefunded, fullyRefunded)) {
                a.awaitStatus(p, "completed");
            }
            capture(a, partialCapture, m[1].equals("JPY") ? "2001" : "60.01");
            capture(a, fullCapture, null);
            a.awaitStatus(voided, "authorized");
            assertEquals(
                    200, a.post("/api/v1/payments/" + voided + "/cancel", null).status());
            a.awaitStatus(declined, "failed");
            refund(a, partiallyRefunded, m[1].equals("JPY") ? "777" : "10.05");
            refund(a, fullyRefunded, null);
            refund(a, partialCapture, m[1].equals("JPY") ? "1" : "0.01");
            done.add(m[0]);
        }
        String pp = paypal(usd, usdId, "42.42", "USD");
        usd.awaitStatus(pp, "completed");

        JsonObject run = settle(today, null);
        JsonObject items = step(run, "items");
        assertTrue(items.getInt("written") >= 3 * 8 + 1, run::toString);
        assertEquals("COMPLETED", run.getJsonObject("job_execution").getString("batch_status"), run::toString);

        Map<String, Map<String, String>> expected = expectedFromSql(List.of(eurId, usdId, jpyId), today);
        Map<String, Map<String, String>> settled = new TreeMap<>();
        for (String m : done) {
            for (JsonValue v :
                    as.get(m).get("/api/v1/settlements?limit=100").json().getJsonArray("data")) {
                JsonObject s = v.asJsonObject();
                settled.put(m + " " + s.getString("currency") + " " + s.getString("settlement_date"), figures(s));
                checkItems(as.get(m), s, m);
                checkReport(as.get(m), s);
            }
        }
        assertEquals(expected, settled);
        assertEquals(4, settled.size(), settled::toString); // EUR twice (yesterday, today), USD, JPY

        // Payouts: one per settlement with a positive net, paid after PAYGATE_PAYOUT_DELAY_SECONDS.
        JsonObject todays = as.get(eurId)
                .get("/api/v1/settlements?limit=1")
                .json()
                .getJsonArray("data")
                .getJsonObject(0);
        String payoutId = todays.getString("payout_id");
        JsonObject payout = eur.get("/api/v1/payouts/" + payoutId).json();
        assertEquals(
                todays.getJsonNumber("net").toString(),
                payout.getJsonNumber("amount").toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"paid".equals(payout.getString("status"))) {
            assertTrue(System.nanoTime() < deadline, payout::toString);
            Api.sleep(200);
            payout = eur.get("/api/v1/payouts/" + payoutId).json();
        }
        List<String> types = new ArrayList<>();
        for (JsonValue e :
                eur.get("/api/v1/events?limit=100&type=payout.*").json().getJsonArray("data")) {
            if (e.asJsonObject()
                    .getJsonObject("data")
                    .getJsonObject("object")
                    .getString("id")
                    .equals(payoutId)) {
                types.add(e.asJsonObject().getString("type"));
            }
        }
        assertEquals(List.of("payout.paid", "payout.created"), types);
        JsonObject created = eur.get("/api/v1/events?type=settlement.created&limit=1")
                .json()
                .getJsonArray("data")
                .getJsonObject(0)
                .getJsonObject("data")
                .getJsonObject("object");
        assertEquals(todays.getString("id"), created.getString("id"), created::toString);
        assertEquals(payoutId, created.getString("payout_id"), created::toString);

        // Another run of the day settles nothing again and changes no figure.
        settle(today, null);
        Map<String, Map<String, String>> again = new TreeMap<>();
        for (String m : done) {
            for (JsonValue v :
                    as.get(m).get("/api/v1/settlements?limit=100").json().getJsonArray("data")) {
                JsonObject s = v.asJsonObject();
                again.put(m + " " + s.getString("currency") + " " + s.getString("settlement_date"), figures(s));
            }
        }
        assertEquals(settled, again);

        // The gateway's periodic work settled yesterday once, by itself.
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!scheduledRunOf(today.minusDays(1))) {
            assertTrue(System.nanoTime() < until, "no scheduled run of " + today.minusDays(1));
            Api.sleep(500);
        }

        // Another merchant sees none of it.
        Api.Reply foreign = usd.get("/api/v1/settlements/" + todays.getString("id"));
        assertEquals(404, foreign.status(), foreign::toString);
        assertEquals(404, usd.get("/api/v1/payouts/" + payoutId).status());
        assertEquals(
                404,
                usd.get("/api/v1/settlements/" + todays.getString("id") + "/report.csv")
                        .status());
    }

    /** Whether the day has its scheduled run, completed (the run list is not searched: it only grows). */
    private static boolean scheduledRunOf(LocalDate day) throws Exception {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("SELECT status FROM settlement_runs"
                        + " WHERE trigger_kind = 'SCHEDULE' AND settlement_date = ?")) {
            s.setObject(1, day);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getString(1).equals("COMPLETED");
            }
        }
    }

    private void setRule(String merchantId, String method, String currency, String percent, int fixed) {
        Api.Reply reply = admin.post(
                "/api/v1/admin/merchants/" + merchantId + "/fee_plan/rules",
                "{\"payment_method\": \"" + method + "\", \"currency\": \"" + currency + "\", \"percent\": " + percent
                        + ", \"fixed\": " + fixed + "}");
        assertEquals(200, reply.status(), reply::toString);
    }

    private static JsonObject step(JsonObject run, String name) {
        for (JsonValue s : run.getJsonObject("job_execution").getJsonArray("steps")) {
            if (s.asJsonObject().getString("name").equals(name)) {
                return s.asJsonObject();
            }
        }
        throw new AssertionError("no step " + name + " in " + run);
    }

    private static Map<String, String> figures(JsonObject s) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String k : List.of("gross", "refunds", "fees", "net")) {
            f.put(k, s.getJsonNumber(k).bigDecimalValue().stripTrailingZeros().toPlainString());
        }
        f.put("item_count", Integer.toString(s.getInt("item_count")));
        return f;
    }

    /**
     * What each merchant's settlements must hold, from the payments' and refunds' own rows: the
     * earlier day's captures with that day, everything else with today, each capture priced by the
     * rule this test set (or the default plan) with SQL's own rounding.
     */
    private static Map<String, Map<String, String>> expectedFromSql(List<String> merchants, LocalDate today)
            throws Exception {
        String sql = "WITH lines AS ("
                + " SELECT p.merchant_id, t.currency, t.created_at AS at, t.amount,"
                + "  ROUND(t.amount * CASE WHEN t.currency = 'EUR' AND p.payment_method = 'CARD' THEN " + EUR_CARD
                + "   WHEN t.currency = 'JPY' AND p.payment_method = 'CARD' THEN " + JPY_CARD
                + "   WHEN p.payment_method = 'PAYPAL' THEN 3.49 ELSE 2.9 END / 100,"
                + "   CASE t.currency WHEN 'JPY' THEN 0 ELSE 2 END)"
                + "  + CASE WHEN t.currency = 'EUR' AND p.payment_method = 'CARD' THEN " + EUR_CARD_FIXED + " / 100.0"
                + "   WHEN t.currency = 'JPY' AND p.payment_method = 'CARD' THEN 0"
                + "   WHEN p.payment_method = 'PAYPAL' THEN 0.49 WHEN t.currency = 'JPY' THEN 30 ELSE 0.30 END AS fee,"
                + "  0 AS refunded"
                + " FROM payment_transactions t JOIN payments p ON p.id = t.payment_id"
                + " WHERE p.merchant_id = ANY (?) AND t.type IN ('CHARGE', 'CAPTURE') AND t.status = 'SUCCEEDED'"
                + " UNION ALL"
                + " SELECT p.merchant_id, r.currency, r.updated_at, 0, 0, r.amount"
                + " FROM refunds r JOIN payments p ON p.id = r.payment_id"
                + " WHERE p.merchant_id = ANY (?) AND r.status = 'SUCCEEDED')"
                + " SELECT merchant_id, currency, (at AT TIME ZONE 'UTC')::date AS day, SUM(amount), SUM(refunded),"
                + "  SUM(fee), SUM(amount) - SUM(refunded) - SUM(fee), COUNT(*)"
                + " FROM lines GROUP BY 1, 2, 3";
        Map<String, Map<String, String>> expected = new TreeMap<>();
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("varchar", merchants.toArray()));
            s.setArray(2, c.createArrayOf("varchar", merchants.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> f = new LinkedHashMap<>();
                    f.put("gross", plain(rs.getBigDecimal(4)));
                    f.put("refunds", plain(rs.getBigDecimal(5)));
                    f.put("fees", plain(rs.getBigDecimal(6)));
                    f.put("net", plain(rs.getBigDecimal(7)));
                    f.put("item_count", Long.toString(rs.getLong(8)));
                    expected.put(rs.getString(1) + " " + rs.getString(2) + " " + rs.getDate(3), f);
                }
            }
        }
        assertTrue(
                expected.keySet().stream()
                        .allMatch(k -> k.endsWith(today.toString())
                                || k.endsWith(today.minusDays(1).toString())),
                expected::toString);
        return expected;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** Every item, page by page, sums to the settlement; each capture's net is its amount less its fee. */
    private static void checkItems(Api as, JsonObject settlement, String merchantId) {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        int count = 0;
        String after = null;
        boolean more = true;
        while (more) {
            JsonObject page = as.get("/api/v1/settlements/" + settlement.getString("id") + "/items?limit=3"
                            + (after == null ? "" : "&starting_after=" + after))
                    .json();
            for (JsonValue v : page.getJsonArray("data")) {
                JsonObject i = v.asJsonObject();
                BigDecimal a = i.getJsonNumber("amount").bigDecimalValue();
                BigDecimal f = i.getJsonNumber("fee").bigDecimalValue();
                BigDecimal n = i.getJsonNumber("net").bigDecimalValue();
                assertEquals(0, a.subtract(f).compareTo(n), i::toString);
                assertEquals(i.getString("type").equals("refund"), a.signum() < 0, i::toString);
                amount = amount.add(a);
                fee = fee.add(f);
                net = net.add(n);
                count++;
                after = i.getString("id");
            }
            more = page.getBoolean("has_more");
        }
        assertEquals(settlement.getInt("item_count"), count, settlement::toString);
        BigDecimal gross = settlement.getJsonNumber("gross").bigDecimalValue();
        BigDecimal refunds = settlement.getJsonNumber("refunds").bigDecimalValue();
        assertEquals(0, gross.subtract(refunds).compareTo(amount), settlement::toString);
        assertEquals(0, settlement.getJsonNumber("fees").bigDecimalValue().compareTo(fee), settlement::toString);
        assertEquals(0, settlement.getJsonNumber("net").bigDecimalValue().compareTo(net), settlement::toString);
        assertEquals(merchantId, settlement.getString("merchant_id"));
    }

    /** The CSV parses (RFC 4180: CRLF, one header row) and its columns sum to the settlement's figures. */
    private static void checkReport(Api as, JsonObject settlement) {
        Api.Reply report = as.get("/api/v1/settlements/" + settlement.getString("id") + "/report.csv");
        assertEquals(200, report.status(), report::toString);
        assertTrue(report.header("Content-Type").startsWith("text/csv"), report::toString);
        assertTrue(report.body().endsWith("\r\n"), "CSV lines end in CRLF");
        String[] lines = report.body().split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        assertEquals("settlement_id", header.get(0));
        int amount = header.indexOf("amount");
        int fee = header.indexOf("fee");
        int net = header.indexOf("net");
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (int l = 1; l < lines.length; l++) {
            String[] f = lines[l].split(",", -1);
            assertEquals(header.size(), f.length, lines[l]);
            sums[0] = sums[0].add(new BigDecimal(f[amount]));
            sums[1] = sums[1].add(new BigDecimal(f[fee]));
            sums[2] = sums[2].add(new BigDecimal(f[net]));
        }
        assertEquals(settlement.getInt("item_count"), lines.length - 1);
        BigDecimal gross = settlement.getJsonNumber("gross").bigDecimalValue();
        BigDecimal refunds = settlement.getJsonNumber("refunds").bigDecimalValue();
        assertEquals(0, gross.subtract(refunds).compareTo(sums[0]), report::body);
        assertEquals(0, settlement.getJsonNumber("fees").bigDecimalValue().compareTo(sums[1]), report::body);
        assertEquals(0, settlement.getJsonNumber("net").bigDecimalValue().compareTo(sums[2]), report::body);
    }
}
