package dev.paygate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.Api;
import dev.paygate.it.ApiDocument;
import dev.paygate.it.Crash;
import dev.paygate.it.DatabaseOutage;
import dev.paygate.it.Fuzzer;
import dev.paygate.it.Metrics;
import dev.paygate.it.RawHttp;
import dev.paygate.it.Receiver;
import dev.paygate.it.SettlementCrash;
import dev.paygate.it.SlowUploads;
import dev.paygate.it.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The same WAR on WildFly (standalone-full) and on Open Liberty, each configured only by its folder
 * in server-config: the datasource, the server's own broker for the refund listener, MicroProfile
 * Health and OpenAPI. A payment goes through asynchronous processing and a refund through the
 * queue, and the API answers in the same JSON shapes as on Payara Micro. When the database stops
 * taking connections, each server's pool and exception chain still end in a 503 to retry, and the
 * gateway recovers by itself when the database is back. And killed (SIGKILL) while it works, each
 * server finishes every payment and settles every accepted refund exactly once when it starts
 * again, as CrashIT checks on Payara Micro. A merchant's webhook endpoint gets a payment's events,
 * signed, from each server. A 3-D Secure challenge is answered on the hosted page as a browser
 * would (its form's body read by the gateway's non-blocking reader on each server), failed through
 * the test API, or left to time out. A merchant's day is settled by the Jakarta Batch job, whose
 * executions each server records in its job repository in the gateway's own database.
 */
class OtherServersIT {

    static final Path ROOT = Path.of(System.getProperty("paygate.smoke.dir", "target/smoke"));

    @Test
    void onWildFly() throws Exception {
        int port = GatewaySmokeIT.freePort();
        int management = GatewaySmokeIT.freePort();
        Path data = GatewaySmokeIT.fresh(ROOT.resolve("data-wildfly"));
        onServer(
                "server-config/wildfly/start.sh",
                port,
                data,
                "wildfly",
                data.resolve("wildfly/deployments/paygate.war.failed"),
                Map.of(
                        "WILDFLY_HOME",
                        home("paygate.wildfly.home"),
                        "PAYGATE_MANAGEMENT_PORT",
                        Integer.toString(management)),
                new URL("http://127.0.0.1:" + management + "/"));
    }

    @Test
    void onOpenLiberty() throws Exception {
        int port = GatewaySmokeIT.freePort();
        Path data = GatewaySmokeIT.fresh(ROOT.resolve("data-openliberty"));
        onServer(
                "server-config/openliberty/start.sh",
                port,
                data,
                "openliberty",
                null,
                Map.of("WLP_HOME", home("paygate.openliberty.home")),
                new URL("http://127.0.0.1:" + port + "/"));
    }

    @Test
    void onWildFlyKilledWhileItWorks() throws Exception {
        Path data = GatewaySmokeIT.fresh(ROOT.resolve("data-wildfly-crash"));
        killedWhileItWorks(
                "server-config/wildfly/start.sh",
                data,
                "wildfly",
                data.resolve("wildfly/deployments/paygate.war.failed"),
                Map.of(
                        "WILDFLY_HOME",
                        home("paygate.wildfly.home"),
                        "PAYGATE_MANAGEMENT_PORT",
                        Integer.toString(GatewaySmokeIT.freePort())),
                "jboss-modules.jar");
    }

    @Test
    void onOpenLibertyKilledWhileItWorks() throws Exception {
        Path data = GatewaySmokeIT.fresh(ROOT.resolve("data-openliberty-crash"));
        killedWhileItWorks(
                "server-config/openliberty/start.sh",
                data,
                "openliberty",
                null,
                Map.of("WLP_HOME", home("paygate.openliberty.home")),
                "ws-server.jar");
    }

    /** The bounds while a server is killed, as in CrashIT: short, so that the test is quick. */
    static final int RECOVERY_AFTER_SECONDS = CrashIT.RECOVERY_AFTER_SECONDS;

    static final int REQUEUE_AFTER_SECONDS = CrashIT.REQUEUE_AFTER_SECONDS;
    static final int PAYMENTS_TO_REFUND = 8;
    static final long LOAD_MILLIS = 2000;

    /**
     * Kills the server's JVM (SIGKILL) while payments are pending and processing, refunds are
     * being accepted and a settlement run is in the middle of a day, and starts it again on the
     * same data directory and database: within the bounds every payment is final, every accepted
     * refund settled exactly once, nothing pending; a refund whose message is gone is queued again
     * within the janitor's short bound, which it could not be with the default one: the bounds set
     * in the environment reach the gateway; and the settlement run is taken up from what its
     * committed chunks settled, through this server's batch runtime and job repository, and ends
     * with the figures computed in SQL ({@link SettlementCrash}).
     */
    private static void killedWhileItWorks(
            String script, Path data, String name, Path failedMarker, Map<String, String> serverEnv, String serverJar)
            throws Exception {
        TestDatabase.withOwnDatabase("paygate_" + name + "_crash", (database, admin) -> {
            Map<String, String> env = new HashMap<>(serverEnv);
            env.putAll(Crash.killableEnv(database, 1000, 1500));
            env.put("PAYGATE_PROCESSING_RECOVERY_AFTER_SECONDS", Integer.toString(RECOVERY_AFTER_SECONDS));
            env.put("PAYGATE_REFUND_REQUEUE_AFTER_SECONDS", Integer.toString(REQUEUE_AFTER_SECONDS));
            env.put("PAYGATE_ADMIN_TOKEN", "admin_" + name);
            env.putAll(SettlementCrash.ENV);
            LocalDate day = SettlementCrash.day();
            String[] runId = new String[1];
            long[] settledAtKill = new long[1];
            int port = GatewaySmokeIT.freePort();
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            AtomicInteger created = new AtomicInteger();
            List<String> refundable;
            long unfinishedPayments;
            long pendingRefunds;
            Map<Integer, String> otherAnswers;
            long firstRefundMs;
            GatewaySmokeIT.Running gateway =
                    GatewaySmokeIT.start(script, port, data, env, name + "-crash", failedMarker);
            try (Connection db = Crash.connect(database);
                    Statement sql = db.createStatement()) {
                SettlementCrash.seedDay(sql, day);
                refundable = Crash.completedPayments(gateway.api(), PAYMENTS_TO_REFUND);
                // The first refund also starts the server's JMS client, which can take longer than the load runs.
                long firstRefund = System.nanoTime();
                Api.Reply refund =
                        gateway.api().post("/api/v1/payments/" + refundable.get(0) + "/refund", "{\"amount\":0.01}");
                assertEquals(202, refund.status(), refund::toString);
                accepted.add(refund.json().getString("id"));
                firstRefundMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstRefund);
                otherAnswers = Crash.underLoad(gateway.api(), refundable, accepted, created, LOAD_MILLIS, () -> {
                    runId[0] = SettlementCrash.start(gateway.api().withKey("admin_" + name), day);
                    SettlementCrash.awaitTwoChunks(sql);
                    Crash.kill(gateway.process(), serverJar);
                });
                settledAtKill[0] = SettlementCrash.settledAtKill(sql, runId[0]);
                unfinishedPayments = Crash.unfinishedPayments(sql);
                pendingRefunds = Crash.count(sql, "SELECT count(*) FROM refunds WHERE lower(status) = 'pending'");
            } finally {
                gateway.process().descendants().forEach(ProcessHandle::destroyForcibly);
                gateway.process().destroyForcibly();
            }
            assertTrue(
                    accepted.size() >= Crash.LEAST_ACCEPTED,
                    "refunds were accepted under load: " + accepted.size() + "; other answers: " + otherAnswers);
            assertTrue(unfinishedPayments > 0, "payments were pending or processing at the kill");

            long restarting = System.nanoTime();
            try (GatewaySmokeIT.Running restarted =
                            GatewaySmokeIT.start(script, port, data, env, name + "-crash-restarted", failedMarker);
                    Connection db = Crash.connect(database);
                    Statement sql = db.createStatement()) {
                long ready = System.nanoTime();
                Crash.assertSettled(
                        sql, accepted, TimeUnit.SECONDS.toNanos(CrashIT.BOUND_SLACK_SECONDS), "after the restart");
                long settledMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ready);
                long strandedMs = Crash.assertStrandedRefundQueuedAgain(sql, refundable.get(0), REQUEUE_AFTER_SECONDS);
                int settlementRead = SettlementCrash.assertResumed(
                        restarted.api().withKey("admin_" + name),
                        sql,
                        runId[0],
                        settledAtKill[0],
                        day,
                        // Liberty's console shows AUDIT and above; its INFO lines are in messages.log.
                        "openliberty".equals(name)
                                ? data.resolve("liberty/servers/paygate/logs/messages.log")
                                : ROOT.resolve(name + "-crash-restarted.log"));
                System.out.printf(
                        "OtherServersIT: %s answered its first refund in %d ms; killed with %d payments "
                                + "unfinished and %d refunds pending; %d refunds accepted, %d payments created under load; "
                                + "restarted in %d ms, all settled %d ms later; "
                                + "the stranded refund settled after %d ms; the settlement run, killed after %d of %d "
                                + "items, read %d more%n",
                        name,
                        firstRefundMs,
                        unfinishedPayments,
                        pendingRefunds,
                        accepted.size(),
                        created.get(),
                        TimeUnit.NANOSECONDS.toMillis(ready - restarting),
                        settledMs,
                        strandedMs,
                        settledAtKill[0],
                        SettlementCrash.CAPTURES + SettlementCrash.REFUNDS,
                        settlementRead);
            }
        });
    }

    private static String home(String property) {
        String home = System.getProperty(property);
        assertTrue(home != null && Files.isDirectory(Path.of(home)), property + " names no unpacked server: " + home);
        return Path.of(home).toAbsolutePath().toString();
    }

    private static void onServer(
            String script,
            int port,
            Path data,
            String name,
            Path failedMarker,
            Map<String, String> serverEnv,
            URL healthBase)
            throws Exception {
        TestDatabase.withOwnDatabase("paygate_" + name, (database, sql) -> {
            Map<String, String> env = new HashMap<>(serverEnv);
            env.putAll(TestDatabase.gatewayEnv(database));
            env.put("PAYGATE_ADMIN_TOKEN", "admin_" + name);
            env.put("PAYGATE_AUTHORIZATION_VALIDITY_SECONDS", "8");
            env.put("PAYGATE_AUTHENTICATION_TIMEOUT_SECONDS", Integer.toString(AUTHENTICATION_TIMEOUT_SECONDS));
            List<String> refused;
            try (GatewaySmokeIT.Running gateway = GatewaySmokeIT.start(script, port, data, env, name, failedMarker)) {
                refused = exercise(
                        gateway.api(),
                        "admin_" + name,
                        healthBase,
                        sql,
                        database,
                        "openliberty".equals(name) ? Fuzzer.Server.LIBERTY : Fuzzer.Server.WILDFLY);
            }
            DatabaseOutage.assertLoggedOnceEach(ROOT.resolve(name + ".log"), refused);
        });
    }

    /** Returns the references of the requests refused while the database was down. */
    private static List<String> exercise(
            Api anonymous, String adminToken, URL healthBase, Statement admin, String database, Fuzzer.Server server)
            throws Exception {
        Api.Reply health = anonymous.get("/api/v1/health");
        assertEquals(200, health.status(), health::toString);
        JsonObject checks = health.json().getJsonObject("checks");
        assertEquals("up", checks.getJsonObject("database").getString("status"));
        assertEquals("up", checks.getJsonObject("broker").getString("status"));

        Api operator = anonymous.withKey(adminToken);
        String merchant = Api.merchant();
        assertEquals(
                201,
                operator.post("/api/v1/admin/merchants", "{\"id\":\"" + merchant + "\",\"name\":\"Shop\"}")
                        .status());
        Api api = anonymous.withKey(operator.post("/api/v1/admin/merchants/" + merchant + "/keys", null)
                .json()
                .getString("secret"));
        assertEquals(401, anonymous.withKey(null).get("/api/v1/payments").status(), "keys are required");

        // Authorised now, captured in part; another left to expire (8 s of validity, see onServer).
        String toExpire = authorizedPayment(api, merchant);
        String toCapture = authorizedPayment(api, merchant);
        Api.Reply captured = api.post("/api/v1/payments/" + toCapture + "/capture", "{\"amount\": 6.00}");
        assertEquals(200, captured.status(), captured::toString);
        assertEquals("completed", captured.json().getString("status"));
        assertEquals("6.00", captured.json().getJsonNumber("amount_captured").toString());
        assertEquals(200, anonymous.withKey(null).get("/api/v1/test/scenarios").status(), "the catalogue needs no key");

        // The hosted page, its form's body read by RequestBodyFilter on this server too, and the test API's answer.
        customerAnswersOnTheHostedPage(api, merchant);
        merchantAnswersAFailure(api, merchant);

        String id;
        try (Receiver receiver = new Receiver()) {
            // The merchant's endpoint gets the payment's events, signed, from this server too.
            Api.Reply endpoint = api.post("/api/v1/webhook_endpoints", "{\"url\":\"" + receiver.url() + "\"}");
            assertEquals(201, endpoint.status(), endpoint::toString);
            receiver.trust(endpoint.json().getString("secret"));

            Api.Reply created =
                    api.post("/api/v1/payments", Api.cardPayment(merchant, "25.00", "4111111111111111", Map.of()));
            assertEquals(201, created.status(), created::toString);
            JsonObject payment = created.json();
            // The gateway's own JSON-B settings, as on Payara: snake_case names, ISO-8601 instants.
            assertEquals(merchant, payment.getString("merchant_id"), created::toString);
            assertEquals("pending", payment.getString("status"));
            assertEquals("1111", payment.getString("card_last4"));
            Instant.parse(payment.getString("created_at"));
            assertTrue(!created.body().contains("4111111111111111"), "no full card number in the answer");
            id = payment.getString("id");

            api.awaitStatus(id, "completed");
            Receiver.Received completed = receiver.awaitEvent("payment.completed", id, Duration.ofSeconds(30));
            assertTrue(completed.signed(), completed::toString);
            assertEquals("completed", completed.object().getString("status"), completed::body);
            // So that nothing later in this flow is sent to a receiver that is gone.
            String endpointId = endpoint.json().getString("id");
            Api.Reply deleted = api.send(HttpRequest.newBuilder(api.uri("/api/v1/webhook_endpoints/" + endpointId))
                    .DELETE());
            assertEquals(200, deleted.status(), deleted::toString);
        }
        Api.Reply refund = api.post("/api/v1/payments/" + id + "/refund", null);
        assertEquals(202, refund.status(), refund::toString);
        api.awaitStatus(id, "refunded");
        assertEquals(
                "25.00",
                api.get("/api/v1/payments/" + id)
                        .json()
                        .getJsonNumber("refunded_amount")
                        .toString());
        List<String> history = api.get("/api/v1/payments/" + id + "/transactions").array().stream()
                .map(t -> t.asJsonObject().getString("type") + ":"
                        + t.asJsonObject().getString("status"))
                .toList();
        assertEquals(List.of("charge:pending", "charge:processing", "charge:succeeded", "refund:succeeded"), history);

        // Open Liberty's MicroProfile Metrics on its HTTP port, WildFly's Micrometer on its management port.
        Metrics.assertCounted(new Api(healthBase), api, merchant);
        // A 3-D Secure challenge left unanswered, to time out while the rest runs (see onServer); after
        // the metrics, whose counts nothing else may change meanwhile.
        String toTimeOut = awaitingChallenge(api, merchant).getString("id");
        long unanswered = System.nanoTime();
        // A merchant's day settled while the challenge waits to time out.
        settlesADay(anonymous, operator, database, JobRepository.of(server));

        Api.Reply invalid = api.post("/api/v1/payments", "{\"merchant_id\":\"" + merchant + "\",\"amount\":\"x\"}");
        assertEquals(400, invalid.status(), invalid::toString);
        assertEquals("invalid_request_error", invalid.error().getString("type"));
        Api.Reply unknown = api.get("/api/v1/no-such-route");
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("resource_missing", unknown.error().getString("code"));

        SlowUploads.assertServedWhileTrickling(api, merchant, 16, 2, Duration.ofSeconds(10)); // the default deadline

        Api.Reply openapi = anonymous.get("/openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/v1/payments"), "the OpenAPI document describes the API");
        ApiDocument.assertKeyedErrorsDocumented(anonymous
                .send(HttpRequest.newBuilder(anonymous.uri("/openapi"))
                        .header("Accept", "application/json")
                        .GET())
                .json());
        assertEquals(200, new Api(healthBase).get("/health/ready").status(), "MicroProfile Health, readiness");
        // Malformed HTTP, TRACE, OPTIONS, WADL, a forged Host and control characters, as on Payara Micro.
        RawHttp.assertEdges(anonymous.uri("/"), api.key(), merchant);

        // Hostile input answered as on Payara Micro: a smaller run of the same requests. What this
        // server's HTTP layer refuses by itself is accepted as docs/servers.md lists it.
        Fuzzer.run(server, anonymous.uri("/"), api.key(), adminToken, 800, Fuzzer.seed());

        api.awaitPayment(toExpire, p -> p.getString("status").equals("cancelled"), Duration.ofSeconds(30));
        assertEquals("expired", api.get("/api/v1/payments/" + toExpire).json().getString("cancellation_reason"));
        long timeoutWaitStarted = System.nanoTime();
        api.awaitPayment(toTimeOut, p -> p.getString("status").equals("failed"), Duration.ofSeconds(30));
        System.out.printf(
                "OtherServersIT: the unanswered challenge failed %d ms after it began to wait, %d ms of them waited for%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - unanswered),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - timeoutWaitStarted));
        JsonObject timedOut = api.get("/api/v1/payments/" + toTimeOut).json();
        assertEquals("authentication_timeout", timedOut.getString("failure_code"), timedOut::toString);
        assertEquals("timed_out", timedOut.getJsonObject("three_d_secure").getString("result"), timedOut::toString);

        // The server's pool and exception chain, not only Payara's: an outage is a 503 to retry.
        return DatabaseOutage.exercise(api, admin, database, merchant, id);
    }

    /**
     * Where a server's Jakarta Batch runtime keeps its job repository in the gateway's database: the
     * tables it creates there, and the query of an execution's exit status (Liberty keeps the batch
     * status as a number, both keep the exit status as text).
     */
    record JobRepository(List<String> tables, String exitStatusOfExecution) {

        static final JobRepository JBERET = new JobRepository(
                List.of("job_instance", "job_execution", "step_execution", "partition_execution"),
                "SELECT exitstatus FROM job_execution WHERE jobexecutionid = ?");
        static final JobRepository LIBERTY = new JobRepository(
                List.of(
                        "wlpjobinstance",
                        "wlpjobexecution",
                        "wlpjobparameter",
                        "wlpstepthreadinstance",
                        "wlpstepthreadexecution",
                        "wlpremotablepartition",
                        "wlpgroupassociation"),
                "SELECT exitstatus FROM wlpjobexecution WHERE jobexecid = ?");

        static JobRepository of(Fuzzer.Server server) {
            return server == Fuzzer.Server.LIBERTY ? LIBERTY : JBERET;
        }
    }

    /**
     * A merchant's day settled by the batch job on this server: a payment captured in full and one
     * refunded in part, priced by the default plan (2.9 % rounded half up, plus 0.30 a capture;
     * refunds cost nothing), the items and the CSV report; and the job's execution recorded by the
     * server's own job repository, in the gateway's database.
     */
    private static void settlesADay(Api anonymous, Api operator, String database, JobRepository repository)
            throws SQLException {
        long started = System.nanoTime();
        String merchant = Api.merchant();
        Api.Reply created =
                operator.post("/api/v1/admin/merchants", "{\"id\":\"" + merchant + "\",\"name\":\"Settled shop\"}");
        assertEquals(201, created.status(), created::toString);
        Api api = anonymous.withKey(operator.post("/api/v1/admin/merchants/" + merchant + "/keys", null)
                .json()
                .getString("secret"));
        Api.Reply manual = api.post(
                "/api/v1/payments",
                Api.cardPayment(merchant, "120.00", "4242424242424242", Map.of("capture_method", "manual")));
        assertEquals(201, manual.status(), manual::toString);
        String captured = manual.json().getString("id");
        // 45.00 at 2.9 % is 1.305: rounded half up, not to even.
        Api.Reply automatic =
                api.post("/api/v1/payments", Api.cardPayment(merchant, "45.00", "4242424242424242", Map.of()));
        assertEquals(201, automatic.status(), automatic::toString);
        String refunded = automatic.json().getString("id");
        api.awaitStatus(captured, "authorized");
        Api.Reply capture = api.post("/api/v1/payments/" + captured + "/capture", null);
        assertEquals(200, capture.status(), capture::toString);
        api.awaitStatus(refunded, "completed");
        Api.Reply refund = api.post("/api/v1/payments/" + refunded + "/refund", "{\"amount\": 20.00}");
        assertEquals(202, refund.status(), refund::toString);
        String refundId = refund.json().getString("id");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!"succeeded".equals(api.get("/api/v1/refunds/" + refundId).json().getString("status"))) {
            assertTrue(System.nanoTime() < deadline, "refund " + refundId + " did not succeed");
            Api.sleep(50);
        }

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Api.Reply run = operator.post(
                "/api/v1/admin/settlements/run", "{\"date\":\"" + today + "\",\"merchant_id\":\"" + merchant + "\"}");
        assertEquals(202, run.status(), run::toString);
        String runId = run.json().getString("id");
        JsonObject settling = run.json();
        while (!"completed".equals(settling.getString("status"))
                || settling.isNull("job_execution")
                || !"COMPLETED".equals(settling.getJsonObject("job_execution").getString("batch_status"))) {
            assertTrue(!"failed".equals(settling.getString("status")), settling::toString);
            assertTrue(System.nanoTime() < deadline, settling::toString);
            Api.sleep(100);
            settling = operator.get("/api/v1/admin/settlement_runs/" + runId).json();
        }
        long execution =
                settling.getJsonObject("job_execution").getJsonNumber("id").longValue();

        List<JsonValue> settlements = api.get("/api/v1/settlements").json().getJsonArray("data");
        assertEquals(1, settlements.size(), settlements::toString);
        JsonObject settlement = settlements.get(0).asJsonObject();
        assertEquals(today, settlement.getString("settlement_date"), settlement::toString);
        assertEquals("USD", settlement.getString("currency"), settlement::toString);
        Map<String, String> figures = new LinkedHashMap<>();
        for (String figure : List.of("gross", "refunds", "fees", "net")) {
            figures.put(figure, plain(settlement.getJsonNumber(figure).bigDecimalValue()));
        }
        figures.put("item_count", Integer.toString(settlement.getInt("item_count")));
        // Fees: 120.00 * 2.9 % = 3.48, 45.00 * 2.9 % = 1.305 -> 1.31, each plus 0.30.
        assertEquals(
                Map.of("gross", "165", "refunds", "20", "fees", "5.39", "net", "139.61", "item_count", "3"),
                figures,
                settlement::toString);

        String id = settlement.getString("id");
        Api.Reply items = api.get("/api/v1/settlements/" + id + "/items?limit=100");
        assertEquals(200, items.status(), items::toString);
        Set<String> lines = new HashSet<>();
        for (JsonValue value : items.json().getJsonArray("data")) {
            JsonObject item = value.asJsonObject();
            lines.add(item.getString("type") + " " + item.getString("payment_id") + " "
                    + plain(item.getJsonNumber("amount").bigDecimalValue()) + " "
                    + plain(item.getJsonNumber("fee").bigDecimalValue()) + " "
                    + plain(item.getJsonNumber("net").bigDecimalValue()));
        }
        assertEquals(
                Set.of(
                        "capture " + captured + " 120 3.78 116.22",
                        "capture " + refunded + " 45 1.61 43.39",
                        "refund " + refunded + " -20 0 -20"),
                lines,
                items::toString);

        Api.Reply report = api.get("/api/v1/settlements/" + id + "/report.csv");
        assertEquals(200, report.status(), report::toString);
        assertTrue(report.header("Content-Type").startsWith("text/csv"), report::toString);
        String[] rows = report.body().split("\r\n");
        assertEquals(1 + 3, rows.length, report::body);
        assertTrue(rows[0].startsWith("settlement_id,"), report::body);
        for (int r = 1; r < rows.length; r++) {
            assertTrue(rows[r].startsWith(id + ","), report::body);
        }

        assertRecorded(repository, database, execution);
        System.out.printf(
                "OtherServersIT: a merchant's day settled by job execution %d, %d ms after its first payment%n",
                execution, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** The server's job repository tables are in the gateway's database, with the execution, completed. */
    private static void assertRecorded(JobRepository repository, String database, long execution) throws SQLException {
        try (Connection db = Crash.connect(database);
                Statement sql = db.createStatement();
                PreparedStatement exitStatus = db.prepareStatement(repository.exitStatusOfExecution())) {
            Set<String> tables = new HashSet<>();
            try (ResultSet rs = sql.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertTrue(tables.containsAll(repository.tables()), () -> "the job repository's tables: " + tables);
            exitStatus.setLong(1, execution);
            try (ResultSet rs = exitStatus.executeQuery()) {
                assertTrue(rs.next(), "job execution " + execution + " in the job repository");
                assertEquals("COMPLETED", rs.getString(1), "job execution " + execution);
            }
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** The customer's time to answer a challenge on these servers: short, yet ample for the flow below. */
    static final int AUTHENTICATION_TIMEOUT_SECONDS = 15;

    static final String THREE_DS_CARD = "4000000000003220";
    static final String RETURN_URL = "https://shop.example/return?order=o1";
    /** How many times the form is sent with an answer the page does not offer, each one read in full. */
    static final int FORMS_READ = 20;

    /**
     * The customer's browser: redirects are not followed, so the hosted page's 303 is seen as it is;
     * and HTTP/1.1, as a browser speaks to a plain-http address (browsers use HTTP/2 only over TLS).
     * The JDK's client would otherwise upgrade to cleartext HTTP/2 (h2c), where Open Liberty gives
     * the servlet no {@code Host} header (only its server name, from {@code :authority}), and the
     * page refuses the form as if from another site.
     */
    private static final HttpClient BROWSER = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * The hosted page as a customer's browser meets it: shown with its form's cookie and token, the
     * form refused from another site and without the cookie, read in full every time it is sent
     * (the body goes through RequestBodyFilter's non-blocking reader, which has had quirks on Open
     * Liberty), and the success answered with a 303 back to the merchant's return_url, after which
     * the payment is completed and authenticated.
     */
    private static void customerAnswersOnTheHostedPage(Api api, String merchant) {
        long started = System.nanoTime();
        JsonObject waiting = awaitingChallenge(api, merchant);
        String id = waiting.getString("id");
        // The address is on the default public base (http://localhost:8080); the same path on this server.
        URI address = URI.create(waiting.getJsonObject("next_action")
                .getJsonObject("redirect_to_url")
                .getString("url"));
        URI page = api.uri(address.getRawPath());
        String ownOrigin = page.getScheme() + "://" + page.getRawAuthority();

        HttpResponse<String> shown = browse(HttpRequest.newBuilder(page).GET());
        assertEquals(200, shown.statusCode(), () -> described(shown));
        String type = shown.headers().firstValue("Content-Type").orElse("");
        assertEquals("text/html", type.split(";")[0].trim().toLowerCase(Locale.ROOT), type);
        List<String> setCookies = shown.headers().allValues("Set-Cookie");
        String formCookie = setCookies.stream()
                .filter(c -> c.startsWith("paygate_form="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the form's cookie: " + setCookies));
        List<String> attributes =
                Arrays.stream(formCookie.split(";")).map(String::trim).toList();
        assertTrue(
                attributes.stream()
                        .anyMatch(a -> a.regionMatches(true, 0, "Path=", 0, 5)
                                && a.substring(5).equals("/pay/" + id + "/")),
                formCookie);
        assertTrue(attributes.stream().anyMatch("HttpOnly"::equalsIgnoreCase), formCookie);
        assertTrue(attributes.stream().anyMatch("SameSite=Strict"::equalsIgnoreCase), formCookie);
        String cookie = formCookie.split(";", 2)[0];
        String token = formToken(shown.body());
        assertEquals(cookie.substring("paygate_form=".length()), token, "the form's token is its cookie's value");
        assertTrue(shown.body().contains("id=\"succeed\""), shown::body);
        assertTrue(shown.body().contains("id=\"fail\""), shown::body);
        String success = "form_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&result=success";

        HttpResponse<String> crossSite = postForm(page, "http://evil.example", cookie, success);
        assertEquals(
                403,
                crossSite.statusCode(),
                () -> "from another site, with the page's cookie: " + described(crossSite));
        HttpResponse<String> noCookie = postForm(page, ownOrigin, null, success);
        assertEquals(403, noCookie.statusCode(), () -> "without the cookie: " + described(noCookie));
        // An answer the page does not offer is refused only once the body is read and its token matched.
        String unoffered = "form_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&result=maybe";
        for (int i = 0; i < FORMS_READ; i++) {
            HttpResponse<String> refused = postForm(page, ownOrigin, cookie, unoffered);
            int round = i;
            assertEquals(400, refused.statusCode(), () -> "form " + round + ", read in full: " + described(refused));
        }
        JsonObject still = api.get("/api/v1/payments/" + id).json();
        assertEquals("requires_action", still.getString("status"), still::toString);

        HttpResponse<String> answered = postForm(page, ownOrigin, cookie, success);
        assertEquals(303, answered.statusCode(), () -> described(answered));
        assertEquals(
                RETURN_URL + "&payment_id=" + id + "&status=completed",
                answered.headers().firstValue("Location").orElse(null),
                () -> described(answered));
        JsonObject settled = api.get("/api/v1/payments/" + id).json();
        assertEquals("completed", settled.getString("status"), settled::toString);
        assertTrue(settled.isNull("next_action"), settled::toString);
        assertEquals("authenticated", settled.getJsonObject("three_d_secure").getString("result"), settled::toString);
        System.out.printf(
                "OtherServersIT: the hosted page, %d forms read and a 3-D Secure payment completed in %d ms%n",
                FORMS_READ + 3, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** The test API answers a challenge for the customer: a failure fails the payment. */
    private static void merchantAnswersAFailure(Api api, String merchant) {
        String id = awaitingChallenge(api, merchant).getString("id");
        Api.Reply answered = api.post("/api/v1/test/payments/" + id + "/authenticate", "{\"result\": \"failure\"}");
        assertEquals(200, answered.status(), answered::toString);
        JsonObject failed = answered.json();
        assertEquals("failed", failed.getString("status"), answered::toString);
        assertEquals("authentication_failed", failed.getString("failure_code"), answered::toString);
        assertEquals("failed", failed.getJsonObject("three_d_secure").getString("result"), answered::toString);
        assertEquals("failed", api.get("/api/v1/payments/" + id).json().getString("status"));
    }

    /** A 3-D Secure challenge with a return_url, once it waits for the customer (requires_action). */
    private static JsonObject awaitingChallenge(Api api, String merchant) {
        Api.Reply created = api.post(
                "/api/v1/payments",
                Api.cardPayment(merchant, "42.50", THREE_DS_CARD, Map.of("currency", "EUR", "return_url", RETURN_URL)));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("id");
        JsonObject payment = api.awaitAnswered(id);
        assertEquals("requires_action", payment.getString("status"), payment::toString);
        JsonObject next = payment.getJsonObject("next_action");
        assertEquals("redirect_to_url", next.getString("type"), payment::toString);
        JsonObject redirect = next.getJsonObject("redirect_to_url");
        assertTrue(
                redirect.getString("url").matches("http://localhost:8080/pay/" + id + "/[A-Za-z0-9]+"),
                payment::toString);
        assertEquals(RETURN_URL, redirect.getString("return_url"), payment::toString);
        JsonObject secure = payment.getJsonObject("three_d_secure");
        assertEquals("challenge", secure.getString("flow"), payment::toString);
        assertTrue(secure.isNull("result"), payment::toString);
        return payment;
    }

    private static String formToken(String html) {
        Matcher input = Pattern.compile("<input[^>]*name=\"form_token\"[^>]*>").matcher(html);
        assertTrue(input.find(), () -> "the form's token: " + html);
        Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
        assertTrue(value.find(), input::group);
        return value.group(1);
    }

    private static HttpResponse<String> postForm(URI page, String origin, String cookie, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return browse(request);
    }

    private static String described(HttpResponse<String> response) {
        return response.statusCode() + " " + response.headers().map() + " " + response.body();
    }

    private static HttpResponse<String> browse(HttpRequest.Builder request) {
        try {
            return BROWSER.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String authorizedPayment(Api api, String merchant) {
        Api.Reply created = api.post(
                "/api/v1/payments",
                Api.cardPayment(merchant, "10.00", "4242424242424242", Map.of("capture_method", "manual")));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("id");
        api.awaitStatus(id, "authorized");
        return id;
    }
}
