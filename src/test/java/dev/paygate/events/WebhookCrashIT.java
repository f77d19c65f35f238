package dev.paygate.events;

import static dev.paygate.events.WebhooksIT.DECLINED;
import static dev.paygate.events.WebhooksIT.VISA;
import static dev.paygate.events.WebhooksIT.objectOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.GatewaySmokeIT;
import dev.paygate.it.Api;
import dev.paygate.it.Crash;
import dev.paygate.it.Receiver;
import dev.paygate.it.Receiver.Received;
import dev.paygate.it.TestDatabase;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The gateway killed (SIGKILL) while deliveries wait for a receiver that is down, one is in
 * flight to a receiver that holds it, and payments are still pending; then started again on the
 * same data and database. Every committed change has its event, once; every event the API lists
 * reaches the receiver at least once, signed, after the restart; and nothing else does.
 */
class WebhookCrashIT {

    /**
     * Short waits, so that the test is quick, but a schedule long enough (about four minutes) that a
     * restart on a slow machine does not use it up, which would disable the endpoint.
     */
    static final String RETRY_SCHEDULE = "1s,2s,4s," + String.join(",", Collections.nCopies(30, "8s"));
    /** The longest wait, the claim timeout of a delivery in flight at the kill, the recovery bound, and slack. */
    static final Duration AFTER_RESTART = Duration.ofSeconds(90);

    @Test
    void killedWithDeliveriesPendingAndInFlightItSendsEveryEventOnceItRunsAgain() throws Exception {
        TestDatabase.withOwnDatabase("paygate_webhook_crash", (database, admin) -> {
            // Payments wait 2 s for the acquirer, so that the last ones are pending at the kill.
            Map<String, String> env = Crash.killableEnv(database, 2000, 300);
            env.put("PAYGATE_PROCESSING_RECOVERY_AFTER_SECONDS", "10");
            env.put("PAYGATE_WEBHOOK_RETRY_SCHEDULE", RETRY_SCHEDULE);
            // A delivery left claimed by the killed gateway is taken up again after this.
            env.put("PAYGATE_WEBHOOK_TIMEOUT_MS", "3000");
            Path data = GatewaySmokeIT.fresh(GatewaySmokeIT.ROOT.resolve("data-webhook-crash"));
            int port = GatewaySmokeIT.freePort();
            Map<String, List<String>> expected = new TreeMap<>();
            try (Receiver receiver = new Receiver()) {
                GatewaySmokeIT.Running gateway = GatewaySmokeIT.start(port, data, env, "webhook-crash");
                try {
                    Api api = gateway.api();
                    WebhooksIT.endpoint(api, receiver);
                    receiver.down();

                    String refunded = pay(api, VISA);
                    String completed = pay(api, VISA);
                    String declined = pay(api, DECLINED);
                    api.awaitStatus(refunded, "completed");
                    api.awaitStatus(completed, "completed");
                    api.awaitStatus(declined, "failed");
                    // Refused, so it must leave no refund and no refund.created.
                    Api.Reply tooMuch = api.post("/api/v1/payments/" + completed + "/refund", "{\"amount\": 10.01}");
                    assertEquals(400, tooMuch.status(), tooMuch::toString);
                    Api.Reply refund = api.post("/api/v1/payments/" + refunded + "/refund", null);
                    assertEquals(202, refund.status(), refund::toString);
                    String refundId = refund.json().getString("id");
                    api.awaitStatus(refunded, "refunded");
                    expected.put(refunded, payment("completed", "refunded"));
                    expected.put(completed, payment("completed"));
                    expected.put(declined, payment("failed"));
                    expected.put(refundId, List.of("refund.created", "refund.succeeded"));

                    // Each of them tried and refused: pending deliveries, in the database only.
                    for (JsonObject event : WebhooksIT.events(api, "")) {
                        WebhooksIT.await(
                                "a refused attempt of " + event.getString("id"),
                                () -> WebhooksIT.deliveries(api, event.getString("id")),
                                d -> d.size() == 1 && d.get(0).getInt("attempt_count") >= 1,
                                Duration.ofSeconds(20));
                    }
                    // A retry taken and held unanswered: in flight, claimed by the gateway that dies.
                    receiver.hold().up();
                    receiver.await("a delivery in flight", all -> !all.isEmpty(), Duration.ofSeconds(30));
                    // Accepted, not yet processed: the restart must record their later events too.
                    for (int i = 0; i < 2; i++) {
                        expected.put(pay(api, VISA), payment("completed"));
                    }
                    Crash.kill(gateway.process(), "payara-micro.jar");
                } finally {
                    gateway.process().destroyForcibly();
                    gateway.process().waitFor(30, TimeUnit.SECONDS);
                }
                receiver.down().answerNormally();

                try (GatewaySmokeIT.Running restarted =
                        GatewaySmokeIT.start(port, data, env, "webhook-crash-restarted")) {
                    Api api = restarted.api();
                    Instant back = Instant.now();
                    receiver.up();
                    expected.keySet().stream()
                            .filter(id -> id.startsWith("pay_"))
                            .forEach(id -> api.awaitPayment(
                                    id,
                                    p -> !Set.of("pending", "processing").contains(p.getString("status")),
                                    AFTER_RESTART));

                    // Every committed change has its event, once, numbered from 1 without a gap.
                    List<JsonObject> listed = WebhooksIT.events(api, "");
                    Map<String, List<JsonObject>> byObject = listed.stream()
                            .sorted(Comparator.comparingInt(e -> e.getInt("sequence")))
                            .collect(Collectors.groupingBy(
                                    e -> objectOf(e).getString("id"), TreeMap::new, Collectors.toList()));
                    assertEquals(
                            expected,
                            byObject.entrySet().stream()
                                    .collect(Collectors.toMap(
                                            Map.Entry::getKey,
                                            e -> WebhooksIT.types(e.getValue()),
                                            (a, b) -> a,
                                            TreeMap::new)),
                            "the events of each payment and refund");
                    byObject.forEach((id, events) -> assertEquals(
                            IntStream.rangeClosed(1, events.size()).boxed().toList(),
                            events.stream().map(e -> e.getInt("sequence")).toList(),
                            id));

                    // Every listed event reaches the receiver after the restart, signed; nothing else does.
                    Set<String> ids = Set.copyOf(WebhooksIT.ids(listed));
                    receiver.await(
                            "every listed event after the restart",
                            all -> deliveredAfter(all, back).containsAll(ids),
                            AFTER_RESTART);
                    for (Received r : receiver.received()) {
                        if (r.at().isBefore(back)) {
                            continue; // refused or held by a receiver that never answered
                        }
                        assertTrue(r.signed(), r::toString);
                        assertTrue(ids.contains(r.eventId()), "an event the API lists: " + r);
                        String object = r.object().getString("object");
                        Api.Reply exists = api.get("/api/v1/" + object + "s/" + r.objectId());
                        assertEquals(200, exists.status(), "the " + object + " of " + r + " exists: " + exists);
                    }
                    // And the log says each was delivered.
                    for (String id : ids) {
                        WebhooksIT.await(
                                "the delivery of " + id + " logged as succeeded",
                                () -> WebhooksIT.deliveries(api, id),
                                d -> d.stream().anyMatch(x -> "succeeded".equals(x.getString("status"))),
                                Duration.ofSeconds(20));
                    }
                    System.out.printf(
                            "WebhookCrashIT: %d events, all delivered after the restart; %d requests in all%n",
                            ids.size(), receiver.received().size());
                }
            }
        });
    }

    /** The ids of the events answered with a success at or after {@code back}. */
    private static Set<String> deliveredAfter(List<Received> received, Instant back) {
        return received.stream()
                .filter(r -> !r.at().isBefore(back) && r.answered() >= 200 && r.answered() < 300)
                .map(Received::eventId)
                .collect(Collectors.toSet());
    }

    /** A payment's event types: created and processing, then one per later status. */
    private static List<String> payment(String... then) {
        List<String> types = new java.util.ArrayList<>(List.of("payment.created", "payment.processing"));
        for (String status : then) {
            types.add("payment." + status);
        }
        return types;
    }

    private static String pay(Api api, String card) {
        Api.Reply created = api.post("/api/v1/payments", Api.cardPayment("merchant_123", "10.00", card, Map.of()));
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }
}
