package dev.paygate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.Api;
import dev.paygate.it.DatabaseOutage;
import dev.paygate.it.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gateway as a user starts it, with the run command's script and nothing configured: the
 * embedded H2 database and broker. It must keep a payment across a restart and finish it, and say
 * so when its broker or its database is unreachable.
 */
public class GatewaySmokeIT {

    public static final Path ROOT = Path.of(System.getProperty("paygate.smoke.dir", "target/smoke"));
    /** The demo merchant's key when nothing is configured, as the README's quick start uses it. */
    static final String DEMO_KEY = "sk_test_paygate_demo_key_for_merchant_123";

    @Test
    void zeroInstallGatewayKeepsAPaymentAcrossARestartThenCompletesAndRefundsIt() throws Exception {
        Path data = fresh(ROOT.resolve("data"));
        int port = freePort();
        String id;
        // First run: the acquirer's queue is slow, so the payment is still pending when the gateway stops.
        try (Running gateway = start(port, data, Map.of("PAYGATE_PROCESSING_QUEUE_DELAY_MS", "3600000"), "first")) {
            Api api = gateway.api();
            assertEquals(401, api.withKey(null).get("/api/v1/payments").status(), "keys are required by default");
            assertReadableStartUp(Files.readAllLines(ROOT.resolve("first.log")));
            Api.Reply created = api.post(
                    "/api/v1/payments", Api.cardPayment("merchant_123", "25.00", "4111111111111111", Map.of()));
            assertEquals(201, created.status(), created::toString);
            id = created.json().getString("id");
            Thread.sleep(500);
            assertEquals("pending", api.get("/api/v1/payments/" + id).json().getString("status"));
        }
        // Second run: the payment survived in the embedded database and is picked up again.
        try (Running gateway = start(port, data, Map.of("PAYGATE_ADMIN_TOKEN", "admin_smoke"), "restarted")) {
            Api api = gateway.api();
            api.awaitStatus(id, "completed");
            Api.Reply refund = api.post("/api/v1/payments/" + id + "/refund", null);
            assertEquals(202, refund.status(), refund::toString);
            api.awaitStatus(id, "refunded");
            JsonObject payment = api.get("/api/v1/payments/" + id).json();
            assertEquals("25.00", payment.getJsonNumber("refunded_amount").toString());
            var statuses = api.get("/api/v1/payments/" + id + "/transactions").array().stream()
                    .map(t -> t.asJsonObject().getString("type") + ":"
                            + t.asJsonObject().getString("status"))
                    .toList();
            assertEquals(
                    List.of("charge:pending", "charge:processing", "charge:succeeded", "refund:succeeded"), statuses);
            settlesTodayOnH2(api, api.withKey("admin_smoke"), id);
        }
    }

    /**
     * The embedded database settles too: the job writes its items with the same statement on H2 as
     * on PostgreSQL. Today so far holds the charge and its full refund: two items, a net of minus
     * the fee, and no payout.
     */
    private static void settlesTodayOnH2(Api api, Api operator, String paymentId) {
        Api.Reply started = operator.post("/api/v1/admin/settlements/run", "{}");
        assertEquals(202, started.status(), started::toString);
        String runId = started.json().getString("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject run = started.json();
        while (!"completed".equals(run.getString("status"))) {
            assertNotEquals("failed", run.getString("status"), run::toString);
            assertTrue(System.nanoTime() < deadline, run::toString);
            Api.sleep(100);
            run = operator.get("/api/v1/admin/settlement_runs/" + runId).json();
        }
        var settlements = api.get("/api/v1/settlements").json().getJsonArray("data");
        assertEquals(1, settlements.size(), settlements::toString);
        JsonObject settlement = settlements.getJsonObject(0);
        assertEquals(2, settlement.getInt("item_count"), settlement::toString);
        assertEquals("25.00", settlement.getJsonNumber("gross").toString(), settlement::toString);
        assertEquals("25.00", settlement.getJsonNumber("refunds").toString(), settlement::toString);
        assertEquals("-1.03", settlement.getJsonNumber("net").toString(), "2.9 % + 0.30 of 25.00: " + settlement);
        assertTrue(
                !settlement.containsKey("payout_id") || settlement.isNull("payout_id"),
                "no payout for a negative net: " + settlement);
        var items = api.get("/api/v1/settlements/" + settlement.getString("id") + "/items")
                .json()
                .getJsonArray("data");
        assertEquals(
                List.of(paymentId + " capture 25.00", paymentId + " refund -25.00"),
                items.stream()
                        .map(i -> i.asJsonObject().getString("payment_id") + " "
                                + i.asJsonObject().getString("type") + " "
                                + i.asJsonObject().getJsonNumber("amount"))
                        .toList());
    }

    /**
     * A start with nothing configured shows what a person needs, and little else: the address,
     * the database and the broker, the demo key and the admin token, each line with a time and a
     * level or from the start script, no colour codes, and none of the server's start-up notices.
     */
    static void assertReadableStartUp(List<String> log) {
        String all = String.join("\n", log);
        for (String needed : List.of(
                "starting on http://localhost:", "database embedded H2", "broker embedded ActiveMQ", DEMO_KEY)) {
            assertTrue(all.contains(needed), "the start-up log shows " + needed + ":\n" + all);
        }
        assertTrue(all.contains("Admin API token for this run"), "the start-up log shows the admin token:\n" + all);
        assertTrue(log.size() <= 20, "the start-up log is short, not " + log.size() + " lines:\n" + all);
        for (String line : log) {
            assertTrue(
                    line.startsWith("paygate: ")
                            || line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} [A-Z]+ \\S+: .*"),
                    "a line of the start script's or a time, a level, a logger and a message: " + line);
            assertFalse(line.contains("\u001b"), "no colour codes: " + line);
        }
    }

    /**
     * Two settings of a shared deployment, in one start: logs as JSON, one object per line; and
     * webhooks refused for private and loopback addresses, which a shared gateway must not reach
     * on its users' behalf.
     */
    @Test
    void jsonLogsAreOneObjectPerLineAndPrivateWebhookAddressesCanBeRefused() throws Exception {
        Path data = fresh(ROOT.resolve("data-json-log"));
        try (Running gateway = start(
                freePort(),
                data,
                Map.of("PAYGATE_LOG_FORMAT", "json", "PAYGATE_WEBHOOK_ALLOW_PRIVATE", "false"),
                "json-log")) {
            Api api = gateway.api();
            for (String local : List.of("http://127.0.0.1:9000/hooks", "http://localhost/hooks", "http://10.1.2.3/x")) {
                Api.Reply refused = api.post("/api/v1/webhook_endpoints", "{\"url\": \"" + local + "\"}");
                assertEquals(400, refused.status(), () -> local + " → " + refused);
                assertEquals("url", refused.error().getString("param"), refused::toString);
                assertTrue(refused.error().getString("message").contains("private"), refused::toString);
            }
            Api.Reply publicHost = api.post("/api/v1/webhook_endpoints", "{\"url\": \"https://93.184.216.34/hooks\"}");
            assertEquals(201, publicHost.status(), publicHost::toString);
            Api.Reply created =
                    api.post("/api/v1/payments", Api.cardPayment("merchant_123", "5.00", "4111111111111111", Map.of()));
            assertEquals(201, created.status(), created::toString);
            api.awaitStatus(created.json().getString("id"), "completed");
        }
        List<String> lines = Files.readAllLines(ROOT.resolve("json-log.log"));
        assertTrue(lines.size() > 5, "the gateway logged: " + lines);
        for (String line : lines) {
            JsonObject record;
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                record = reader.readObject();
            } catch (JsonException notJson) {
                throw new AssertionError("not one JSON object: " + line, notJson);
            }
            for (String field : List.of("Timestamp", "Level", "LoggerName", "LogMessage")) {
                assertTrue(record.containsKey(field), field + " in " + line);
            }
        }
        String all = String.join("\n", lines);
        assertTrue(all.contains(DEMO_KEY) && all.contains("\"LoggerName\":\"paygate.start\""), all);
    }

    @Test
    void refundsGoThroughAnExternalBrokerWhenOneIsConfigured() throws Exception {
        int brokerPort = freePort();
        org.apache.activemq.broker.BrokerService broker = new org.apache.activemq.broker.BrokerService();
        broker.setBrokerName("external");
        broker.setPersistent(false);
        broker.setUseJmx(false);
        broker.addConnector("tcp://127.0.0.1:" + brokerPort);
        broker.start();
        broker.waitUntilStarted();
        try (Running gateway = start(
                freePort(),
                fresh(ROOT.resolve("data-external-broker")),
                Map.of("PAYGATE_BROKER_URL", "tcp://127.0.0.1:" + brokerPort),
                "external-broker")) {
            Api api = gateway.api();
            assertEquals(200, api.get("/api/v1/health").status());
            String id = api.post(
                            "/api/v1/payments", Api.cardPayment("merchant_123", "12.00", "4111111111111111", Map.of()))
                    .json()
                    .getString("id");
            api.awaitStatus(id, "completed");
            assertEquals(
                    202, api.post("/api/v1/payments/" + id + "/refund", null).status());
            api.awaitStatus(id, "refunded");
            var queue = broker.getDestination(new org.apache.activemq.command.ActiveMQQueue("paygate.refunds"));
            assertTrue(
                    queue != null
                            && queue.getDestinationStatistics().getEnqueues().getCount() >= 1,
                    "the refund went through the external broker");
        } finally {
            broker.stop();
            broker.waitUntilStopped();
        }
    }

    @Test
    void healthIs503WhenTheBrokerIsUnreachable() throws Exception {
        Path data = fresh(ROOT.resolve("data-no-broker"));
        int closed = freePort();
        try (Running gateway = startAnswering(
                freePort(), data, Map.of("PAYGATE_BROKER_URL", "tcp://127.0.0.1:" + closed), "no-broker")) {
            Api.Reply health = gateway.api().get("/api/v1/health");
            assertEquals(503, health.status(), health::toString);
            JsonObject checks = health.json().getJsonObject("checks");
            assertEquals("down", checks.getJsonObject("broker").getString("status"));
            assertEquals("up", checks.getJsonObject("database").getString("status"));

            // Payments do not need the broker; refunds do, and are refused without changing anything.
            Api api = gateway.api();
            String id = api.post(
                            "/api/v1/payments", Api.cardPayment("merchant_123", "8.00", "4111111111111111", Map.of()))
                    .json()
                    .getString("id");
            api.awaitStatus(id, "completed");
            Api.Reply refund = api.post("/api/v1/payments/" + id + "/refund", null, "refund-" + id);
            assertEquals(503, refund.status(), refund::toString);
            assertEquals("api_error", refund.error().getString("type"));
            assertEquals("broker_unavailable", refund.error().getString("code"));
            assertEquals("1", refund.header("Retry-After"));
            JsonObject payment = api.get("/api/v1/payments/" + id).json();
            assertEquals("completed", payment.getString("status"));
            assertEquals("0.00", payment.getJsonNumber("refunded_amount").toString());
            assertEquals(
                    0, api.get("/api/v1/payments/" + id + "/refunds").array().size());
            // The 503 is not the key's answer: the same retry is tried again, and refused again.
            Api.Reply retried = api.post("/api/v1/payments/" + id + "/refund", null, "refund-" + id);
            assertEquals(503, retried.status(), retried::toString);
            assertEquals(null, retried.header("Idempotent-Replayed"));
        }
    }

    @Test
    void onPostgresqlHealthIs503WhileTheDatabaseRefusesConnectionsAndRecovers() throws Exception {
        TestDatabase.withOwnDatabase("paygate_smoke", (database, sql) -> {
            Map<String, String> env = new HashMap<>(TestDatabase.gatewayEnv(database));
            env.put("PAYGATE_ADMIN_TOKEN", "admin_smoke");
            List<String> references;
            try (Running gateway = start(freePort(), fresh(ROOT.resolve("data-postgresql")), env, "postgresql")) {
                Api demo = gateway.api();
                assertEquals(200, demo.get("/api/v1/health").status());
                assertEquals(401, demo.get("/api/v1/payments").status(), "no demo merchant on PostgreSQL by default");
                Api operator = demo.withKey("admin_smoke");
                assertEquals(
                        201,
                        operator.post("/api/v1/admin/merchants", "{\"id\":\"merchant_123\",\"name\":\"Shop\"}")
                                .status());
                Api api = demo.withKey(operator.post("/api/v1/admin/merchants/merchant_123/keys", null)
                        .json()
                        .getString("secret"));
                String id = api.post(
                                "/api/v1/payments",
                                Api.cardPayment("merchant_123", "5.00", "4111111111111111", Map.of()))
                        .json()
                        .getString("id");
                api.awaitStatus(id, "completed");

                references = DatabaseOutage.exercise(api, sql, database, "merchant_123", id);
            }
            // Each of the four refused requests is logged once, as a warning without a stack trace,
            // under the reference its answer gave.
            assertEquals(4, references.size());
            DatabaseOutage.assertLoggedOnceEach(ROOT.resolve("postgresql.log"), references);
        });
    }

    @Test
    void withAuthModeNoneTheMerchantIdIsTakenFromTheRequestAndTheLogSaysSo() throws Exception {
        try (Running gateway = start(
                freePort(),
                fresh(ROOT.resolve("data-no-auth")),
                Map.of("PAYGATE_AUTH_MODE", "none", "PAYGATE_DEMO_MERCHANT", "false"),
                "no-auth")) {
            Api anyone = gateway.api().withKey(null);
            Api.Reply created =
                    anyone.post("/api/v1/payments", Api.cardPayment("shop_a", "9.00", "4111111111111111", Map.of()));
            assertEquals(201, created.status(), created::toString);
            assertEquals("shop_a", created.json().getString("merchant_id"));
            Api.Reply missing =
                    anyone.post("/api/v1/payments", Api.cardPayment(null, "9.00", "4111111111111111", Map.of()));
            assertEquals(400, missing.status(), missing::toString);
            assertEquals("merchant_id", missing.error().getString("param"));
            assertEquals(
                    1,
                    anyone.get("/api/v1/payments?merchant_id=shop_a")
                            .json()
                            .getJsonArray("data")
                            .size());
            assertEquals(
                    0,
                    anyone.get("/api/v1/payments?merchant_id=shop_b")
                            .json()
                            .getJsonArray("data")
                            .size());
            assertEquals(401, anyone.get("/api/v1/admin/merchants").status(), "the admin API still needs its token");

            // A burst of first payments of a new merchant, more than the pool has connections.
            var pool = java.util.concurrent.Executors.newFixedThreadPool(24);
            try {
                var replies = new java.util.ArrayList<java.util.concurrent.Future<Api.Reply>>();
                for (int i = 0; i < 24; i++) {
                    replies.add(pool.submit(() -> anyone.post(
                            "/api/v1/payments", Api.cardPayment("shop_burst", "1.00", "4111111111111111", Map.of()))));
                }
                for (var reply : replies) {
                    assertEquals(201, reply.get(60, TimeUnit.SECONDS).status());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(
                    24,
                    anyone.get("/api/v1/payments?merchant_id=shop_burst&limit=100")
                            .json()
                            .getJsonArray("data")
                            .size());
            assertTrue(Files.readString(ROOT.resolve("no-auth.log")).contains("AUTHENTICATION IS OFF"));
        }
    }

    @Test
    void theFirstStartWritesAClassDataArchiveWhenItStopsAndTheNextStartMapsIt() throws Exception {
        Path cds = fresh(ROOT.resolve("cds"));
        Path data = fresh(ROOT.resolve("data-cds"));
        Map<String, String> env = Map.of("PAYGATE_CDS_DIR", cds.toAbsolutePath().toString());
        int port = freePort();
        try (Running gateway = start(port, data, env, "cds-first")) {
            assertEquals(200, gateway.api().get("/api/v1/health").status());
            assertEquals(List.of(), archives(cds), "the archive is written when the gateway stops");
        }
        List<Path> written = archives(cds);
        assertEquals(1, written.size(), "one archive after the first stop: " + written);
        try (Running gateway = start(port, data, env, "cds-second")) {
            // start.sh execs the JVM, so the process is the JVM; a mapped archive shows in its memory map.
            String maps = Files.readString(Path.of("/proc/" + gateway.process().pid() + "/maps"));
            assertTrue(maps.contains(written.get(0).toAbsolutePath().toString()), "the JVM mapped the archive");
            Api.Reply created = gateway.api()
                    .post("/api/v1/payments", Api.cardPayment("merchant_123", "3.00", "4111111111111111", Map.of()));
            assertEquals(201, created.status(), created::toString);
            gateway.api().awaitStatus(created.json().getString("id"), "completed");
        }
        assertEquals(written, archives(cds), "a start with an archive keeps it");
    }

    @Test
    void aFirstStartStoppedBeforeItIsReadyKeepsNoPartialArchive() throws Exception {
        Path cds = fresh(ROOT.resolve("cds-early-stop"));
        Path data = fresh(ROOT.resolve("data-cds-early-stop"));
        Path log = ROOT.resolve("cds-early-stop.log");
        Process process = launch(
                "server-config/payara-micro/start.sh",
                freePort(),
                data,
                Map.of("PAYGATE_CDS_DIR", cds.toAbsolutePath().toString()),
                "cds-early-stop");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(Files.exists(log) && Files.readString(log).contains("paygate: first start of this build"))) {
                assertTrue(
                        process.isAlive() && System.nanoTime() < deadline,
                        "start.sh did not begin recording; see cds-early-stop.log");
                Thread.sleep(100);
            }
            Thread.sleep(2000); // the JVM is loading Payara, far from ready
            process.destroy(); // as Ctrl-C or `docker stop` would
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "start.sh stopped");
        } finally {
            process.destroyForcibly();
        }
        assertEquals(List.of(), archives(cds), "no archive of a start that was never ready");
        assertTrue(Files.readString(log).contains("no class-data archive kept"), "see cds-early-stop.log");
    }

    @Test
    void recordCdsWritesTheArchiveAheadOfTheFirstStart() throws Exception {
        Path cds = fresh(ROOT.resolve("cds-recorded"));
        assertEquals(0, recordCds(cds, "record-cds-first"), "see record-cds-first.log");
        List<Path> written = archives(cds);
        assertEquals(1, written.size(), "one archive: " + written);
        assertTrue(Files.readString(ROOT.resolve("record-cds-first.log"))
                .contains("record-cds: " + written.get(0).toAbsolutePath()));
        assertEquals(0, recordCds(cds, "record-cds-again"), "see record-cds-again.log");
        assertTrue(Files.readString(ROOT.resolve("record-cds-again.log")).contains("already maps an archive"));
        assertEquals(written, archives(cds));
    }

    static int recordCds(Path dir, String name) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", "server-config/payara-micro/record-cds.sh", Integer.toString(freePort()))
                .redirectErrorStream(true)
                .redirectOutput(ROOT.resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("PAYGATE_"));
        builder.environment().put("PAYGATE_CDS_DIR", dir.toAbsolutePath().toString());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("record-cds.sh did not finish within 5 minutes; see " + name + ".log");
        }
        return process.exitValue();
    }

    static List<Path> archives(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa"))
                    .sorted()
                    .toList();
        }
    }

    /** A gateway process started by server-config/payara-micro/start.sh; closing it stops it. */
    public record Running(Process process, Api api) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts a start script with only the given settings, its output in {@code name}.log; does not wait. */
    static Process launch(String script, int port, Path data, Map<String, String> extraEnv, String name)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", script)
                .redirectErrorStream(true)
                .redirectOutput(ROOT.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("PAYGATE_"));
        env.put("PAYGATE_PORT", Integer.toString(port));
        env.put("PAYGATE_DATA_DIR", data.toAbsolutePath().toString());
        env.put("PAYGATE_PROCESSING_DELAY_MS", "50");
        env.putAll(extraEnv);
        return builder.start();
    }

    /** Starts the gateway with the run command's script and waits until it is ready (health 200). */
    public static Running start(int port, Path data, Map<String, String> extraEnv, String name) throws Exception {
        return start("server-config/payara-micro/start.sh", port, data, extraEnv, name, null);
    }

    /** Like {@link #start(int, Path, Map, String)}, but returns at its first health answer, up or down. */
    static Running startAnswering(int port, Path data, Map<String, String> extraEnv, String name) throws Exception {
        return start("server-config/payara-micro/start.sh", port, data, extraEnv, name, null, false);
    }

    /**
     * Starts a server with its start script and waits until the gateway is ready: its health check
     * answers 200. A gateway can answer 503 for a while first: on a slow machine the embedded broker
     * may still be starting when the gateway is deployed (the resource adapter waits 5 s for it).
     * {@code failedMarker}, when not null, is a file whose appearance means the deployment failed.
     */
    static Running start(
            String script, int port, Path data, Map<String, String> extraEnv, String name, Path failedMarker)
            throws Exception {
        return start(script, port, data, extraEnv, name, failedMarker, true);
    }

    private static Running start(
            String script,
            int port,
            Path data,
            Map<String, String> extraEnv,
            String name,
            Path failedMarker,
            boolean ready)
            throws Exception {
        Process process = launch(script, port, data, extraEnv, name);
        Api api = new Api(new URL("http://127.0.0.1:" + port + "/"), DEMO_KEY);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway exited with " + process.exitValue() + "; see " + name + ".log");
            }
            try {
                // The server itself answers (in HTML) before the gateway is deployed; wait for the gateway.
                Api.Reply health = api.get("/api/v1/health");
                String type = health.header("Content-Type");
                boolean answered = (health.status() == 200 || health.status() == 503)
                        && type != null
                        && type.startsWith("application/json");
                if (answered && (health.status() == 200 || !ready)) {
                    return new Running(process, api);
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            if (failedMarker != null && Files.exists(failedMarker)) {
                new Running(process, api).close();
                throw new AssertionError("the WAR failed to deploy; see " + name + ".log");
            }
            Thread.sleep(250);
        }
        // The script may have started the server as its child (WildFly's does): that goes too.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError(
                "the gateway was not " + (ready ? "ready" : "answering") + " within 3 minutes; see " + name + ".log");
    }

    public static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static {
        assertTrue(ROOT.toFile().mkdirs() || ROOT.toFile().isDirectory());
    }
}
