package dev.paygate;

import static dev.paygate.GatewaySmokeIT.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.Api;
import dev.paygate.it.Crash;
import dev.paygate.it.Receiver;
import dev.paygate.it.Receiver.Received;
import dev.paygate.it.TestDatabase;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.activemq.broker.BrokerService;
import org.junit.jupiter.api.Test;

/**
 * Two instances started with the run script on one PostgreSQL database and one broker, as a team
 * runs several replicas behind a load balancer, behave as one gateway: every payment is charged
 * once whichever instance accepted it and reads the same on both, refunds accepted on either are
 * settled once, one Idempotency-Key sent to both at the same moment makes one payment, and every
 * event is sent to the merchant's endpoint by one instance or the other, once. (The
 * kill of one of two instances is {@link CrashIT}'s.)
 */
class SeveralInstancesIT {

    static final int PAYMENTS = 40;
    static final int KEYS_SENT_TO_BOTH = 12;

    @Test
    void twoInstancesOnOneDatabaseAndOneBrokerAreOneGateway() throws Exception {
        int brokerPort = GatewaySmokeIT.freePort();
        BrokerService broker = new BrokerService();
        broker.setBrokerName("shared");
        broker.setPersistent(false);
        broker.setUseJmx(false);
        broker.addConnector("tcp://127.0.0.1:" + brokerPort);
        broker.start();
        broker.waitUntilStarted();
        try {
            TestDatabase.withOwnDatabase("paygate_instances", (database, admin) -> {
                Map<String, String> env = new HashMap<>(Crash.killableEnv(database, 200, 300));
                env.put("PAYGATE_BROKER_URL", "tcp://127.0.0.1:" + brokerPort);
                // Replicas: the same settings for both, the demo merchant's included.
                ExecutorService starting = Executors.newFixedThreadPool(2);
                Future<GatewaySmokeIT.Running> startingA = starting.submit(() -> GatewaySmokeIT.start(
                        GatewaySmokeIT.freePort(),
                        GatewaySmokeIT.fresh(ROOT.resolve("data-instance-a")),
                        env,
                        "instance-a"));
                Future<GatewaySmokeIT.Running> startingB = starting.submit(() -> GatewaySmokeIT.start(
                        GatewaySmokeIT.freePort(),
                        GatewaySmokeIT.fresh(ROOT.resolve("data-instance-b")),
                        env,
                        "instance-b"));
                starting.shutdown();
                try (Connection connection = Crash.connect(database);
                        Statement sql = connection.createStatement();
                        Receiver receiver = new Receiver()) {
                    List<Api> instances =
                            List.of(startingA.get().api(), startingB.get().api());
                    Api.Reply endpoint =
                            instances.get(0).post("/api/v1/webhook_endpoints", "{\"url\":\"" + receiver.url() + "\"}");
                    assertEquals(201, endpoint.status(), endpoint::toString);
                    receiver.trust(endpoint.json().getString("secret"));
                    Map<String, String> expected = paymentsThroughBoth(instances);
                    Crash.awaitNothingPending(sql, TimeUnit.SECONDS.toNanos(60), "after the payments");
                    for (Map.Entry<String, String> payment : expected.entrySet()) {
                        for (Api api : instances) {
                            assertEquals(
                                    payment.getValue(),
                                    api.get("/api/v1/payments/" + payment.getKey())
                                            .json()
                                            .getString("status"),
                                    payment.getKey() + " reads the same on both instances");
                        }
                        String outcome = payment.getValue().equals("completed") ? "succeeded" : "failed";
                        assertEquals(
                                List.of("charge:pending", "charge:processing", "charge:" + outcome),
                                instances
                                        .get(0)
                                        .get("/api/v1/payments/" + payment.getKey() + "/transactions")
                                        .array()
                                        .stream()
                                        .map(JsonValue::asJsonObject)
                                        .map(t -> t.getString("type") + ":" + t.getString("status"))
                                        .toList(),
                                payment.getKey() + " was charged exactly once");
                    }

                    List<String> completed = expected.entrySet().stream()
                            .filter(p -> p.getValue().equals("completed"))
                            .map(Map.Entry::getKey)
                            .toList();
                    Set<String> accepted = refundsThroughBoth(instances, completed);
                    Crash.assertSettled(sql, accepted, TimeUnit.SECONDS.toNanos(60), "after the refunds");
                    for (String payment : completed) {
                        assertEquals(
                                "2.00",
                                instances
                                        .get(1)
                                        .get("/api/v1/payments/" + payment)
                                        .json()
                                        .getJsonNumber("refunded_amount")
                                        .bigDecimalValue()
                                        .setScale(2)
                                        .toPlainString(),
                                payment + " has both its refunds counted once");
                    }

                    oneKeySentToBothMakesOnePayment(instances, sql);
                    everyEventSentOnceByOneInstanceOrTheOther(sql, receiver);
                } finally {
                    CrashIT.stop(startingA);
                    CrashIT.stop(startingB);
                }
            });
        } finally {
            broker.stop();
            broker.waitUntilStopped();
        }
    }

    /**
     * Both instances send webhooks from the one database: every event arrives, signed, and no
     * delivery is sent twice (the receiver answers at once, so no claim runs out and is taken again).
     */
    static void everyEventSentOnceByOneInstanceOrTheOther(Statement sql, Receiver receiver) throws Exception {
        Set<String> events = new HashSet<>();
        try (ResultSet rows = sql.executeQuery("SELECT id FROM events")) {
            while (rows.next()) {
                events.add(rows.getString(1));
            }
        }
        assertTrue(events.size() >= PAYMENTS * 3, events.size() + " events");
        List<Received> received = receiver.await(
                "every event",
                all -> all.stream()
                        .map(Received::eventId)
                        .collect(Collectors.toSet())
                        .containsAll(events),
                Duration.ofSeconds(60));
        received.forEach(r -> assertTrue(r.signed(), r::toString));
        Map<String, Long> perDelivery = received.stream()
                .collect(Collectors.groupingBy(r -> r.header("Paygate-Delivery-Id"), Collectors.counting()));
        perDelivery.forEach((delivery, times) -> assertEquals(1L, times, delivery + " was sent " + times + " times"));
        // Recorded once each, a moment after the receiver answered.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> notOnce;
        do {
            Thread.sleep(200);
            notOnce = Crash.column(
                    sql,
                    "SELECT id || ' ' || status || ' after ' || attempt_count || ' attempts' FROM webhook_deliveries"
                            + " WHERE status <> 'SUCCEEDED' OR attempt_count <> 1");
        } while (!notOnce.isEmpty() && System.nanoTime() < deadline);
        assertEquals(List.of(), notOnce, "deliveries not sent exactly once");
    }

    /**
     * Creates {@link #PAYMENTS} payments from eight clients, each sent to one instance or the
     * other in turn, with the test cards mixed; returns each id with the final status its card says.
     */
    static Map<String, String> paymentsThroughBoth(List<Api> instances) throws Exception {
        Map<String, String> expected = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < PAYMENTS; i++) {
                Api api = instances.get(i % 2);
                String card = i % 4 == 1 ? "4000000000000002" : "4111111111111111";
                sent.add(clients.submit(() -> {
                    Api.Reply created =
                            api.post("/api/v1/payments", Api.cardPayment("merchant_123", "10.00", card, Map.of()));
                    assertEquals(201, created.status(), created::toString);
                    expected.put(
                            created.json().getString("id"), card.equals("4111111111111111") ? "completed" : "failed");
                    return null;
                }));
            }
            for (Future<?> reply : sent) {
                reply.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        return expected;
    }

    /**
     * Two refunds of 1.00 of each payment, one through each instance at the same moment; returns
     * the ids of those accepted (all of them must be).
     */
    static Set<String> refundsThroughBoth(List<Api> instances, List<String> payments) throws Exception {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (String payment : payments) {
                for (Api api : instances) {
                    sent.add(clients.submit(() -> {
                        Api.Reply refund = api.post("/api/v1/payments/" + payment + "/refund", "{\"amount\":1.00}");
                        assertEquals(202, refund.status(), refund::toString);
                        accepted.add(refund.json().getString("id"));
                        return null;
                    }));
                }
            }
            for (Future<?> reply : sent) {
                reply.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(2 * payments.size(), accepted.size(), "every refund was accepted with an id of its own");
        return accepted;
    }

    /**
     * The same create with the same Idempotency-Key sent to both instances at once, for several
     * keys: each key makes one payment. One answer may be the 409 that asks to retry while the
     * other request is still being processed; every 201 names the same payment, and a retry on
     * either instance afterwards answers with it.
     */
    static void oneKeySentToBothMakesOnePayment(List<Api> instances, Statement sql) throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            for (int k = 0; k < KEYS_SENT_TO_BOTH; k++) {
                // Never a long run of digits: a card number is refused in free text and keys.
                String key = "both-" + k + "-" + Api.letters(24);
                String order = Api.order();
                String body = Api.cardPayment("merchant_123", "3.00", "4111111111111111", Map.of("order_id", order));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Api.Reply>> replies = new ArrayList<>();
                for (Api api : instances) {
                    replies.add(both.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return api.post("/api/v1/payments", body, key);
                    }));
                }
                Set<String> ids = new HashSet<>();
                for (Future<Api.Reply> future : replies) {
                    Api.Reply reply = future.get(60, TimeUnit.SECONDS);
                    if (reply.status() == 201) {
                        ids.add(reply.json().getString("id"));
                    } else {
                        assertEquals(409, reply.status(), reply::toString);
                        assertEquals("idempotency_key_in_use", reply.error().getString("code"), reply::toString);
                    }
                }
                assertEquals(
                        List.of("1"),
                        Crash.column(sql, "SELECT count(*) FROM payments WHERE order_id = '" + order + "'"),
                        "key " + key + " sent to both instances at once made one payment");
                String made = Crash.column(sql, "SELECT id FROM payments WHERE order_id = '" + order + "'")
                        .get(0);
                assertTrue(ids.isEmpty() || ids.equals(Set.of(made)), "every 201 names " + made + ": " + ids);
                for (Api api : instances) {
                    Api.Reply retry = api.post("/api/v1/payments", body, key);
                    assertEquals(201, retry.status(), retry::toString);
                    assertEquals(made, retry.json().getString("id"), "a retry answers with the one payment");
                }
            }
        } finally {
            both.shutdownNow();
        }
    }
}
