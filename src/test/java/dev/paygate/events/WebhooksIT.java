package dev.paygate.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import dev.paygate.it.Receiver;
import dev.paygate.it.Receiver.Received;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Events and signed webhooks as a merchant meets them (docs/webhooks.md), each test with its own
 * merchant, endpoints and receivers. The build runs the gateway with the retry schedule
 * 1s,2s,2s,4s,8s, so that retries are seen within seconds.
 */
class WebhooksIT extends AgainstGateway {

    static final String VISA = "4111111111111111";
    static final String DECLINED = "4000000000000002";
    /** A change is sent at once; this is slack for a busy two-core machine. */
    static final Duration SOON = Duration.ofSeconds(20);
    /** The whole IT retry schedule (17 s, each wait up to 10 % longer), the poll, and slack. */
    static final Duration RETRIES = Duration.ofSeconds(40);

    @Test
    void aCardPaymentSendsCreatedProcessingAndCompletedSignedAndListsThem() {
        try (Receiver receiver = new Receiver()) {
            endpoint(api, receiver);
            String id = pay(VISA);

            // Sent in any order, perhaps more than once: a receiver orders them by sequence.
            List<Received> events = receiver.awaitEvents(id, 3, SOON);
            assertEquals(
                    List.of("payment.created", "payment.processing", "payment.completed"),
                    types(events),
                    events::toString);
            assertEquals(
                    List.of(1, 2, 3), events.stream().map(Received::sequence).toList());
            assertEquals(
                    List.of("pending", "processing", "completed"),
                    events.stream().map(r -> r.object().getString("status")).toList());
            for (Received r : events) {
                assertTrue(r.signed(), "signed with the endpoint's secret: " + r);
                assertEquals(1, r.signatures(), "one secret, one v1: " + r);
                assertTrue(r.header("Content-Type").startsWith("application/json"), r::toString);
                assertEquals(r.eventId(), r.header("Paygate-Event-Id"));
                assertTrue(r.header("Paygate-Delivery-Id").startsWith("whd_"), r::toString);
                JsonObject event = r.event();
                assertTrue(event.getString("id").startsWith("evt_"), event::toString);
                assertEquals("event", event.getString("object"));
                assertEquals(merchant, event.getString("merchant_id"));
                assertFalse(event.getString("api_version").isBlank());
                Instant.parse(event.getString("created"));
                assertEquals(id, r.objectId());
                assertEquals("payment", r.object().getString("object"));
            }
            assertEquals(JsonValue.EMPTY_JSON_OBJECT, previous(events.get(0)), "nothing changed before created");
            assertEquals("pending", previous(events.get(1)).getString("status"));
            assertEquals("processing", previous(events.get(2)).getString("status"));
            // The payment exactly as the API shows it, now that it no longer changes.
            assertEquals(api.get("/api/v1/payments/" + id).json(), events.get(2).object());

            List<JsonObject> listed = events(api, "");
            List<String> newestFirst =
                    new ArrayList<>(events.stream().map(Received::eventId).toList());
            Collections.reverse(newestFirst);
            assertEquals(newestFirst, ids(listed), "listed newest first, nothing else");
            for (int i = 0; i < 3; i++) {
                Received delivered = events.get(i);
                Api.Reply one = api.get("/api/v1/events/" + delivered.eventId());
                assertEquals(200, one.status(), one::toString);
                assertEquals(delivered.event(), one.json(), "GET answers what was delivered");
                assertEquals(delivered.event(), listed.get(2 - i), "and so does the list");
            }
        }
    }

    @Test
    void aDeclinedCardSendsPaymentFailedWithItsCodes() {
        try (Receiver receiver = new Receiver()) {
            endpoint(api, receiver);
            String id = pay(DECLINED);
            List<Received> events = receiver.awaitEvents(id, 3, SOON);
            assertEquals(List.of("payment.created", "payment.processing", "payment.failed"), types(events));
            Received failed = events.get(2);
            assertTrue(failed.signed(), failed::toString);
            assertEquals(3, failed.sequence());
            assertEquals("failed", failed.object().getString("status"));
            assertEquals("card_declined", failed.object().getString("failure_code"), failed::body);
            assertEquals("generic_decline", failed.object().getString("decline_code"), failed::body);
            assertEquals("processing", previous(failed).getString("status"));
        }
    }

    @Test
    void aFullRefundSendsRefundCreatedRefundSucceededAndPaymentRefunded() {
        try (Receiver receiver = new Receiver()) {
            endpoint(api, receiver);
            String id = completedPayment();
            Api.Reply refund = api.post("/api/v1/payments/" + id + "/refund", null);
            assertEquals(202, refund.status(), refund::toString);
            String refundId = refund.json().getString("id");

            List<Received> refundEvents = receiver.awaitEvents(refundId, 2, SOON);
            assertEquals(List.of("refund.created", "refund.succeeded"), types(refundEvents));
            assertEquals(
                    List.of(1, 2), refundEvents.stream().map(Received::sequence).toList());
            assertEquals(
                    List.of("pending", "succeeded"),
                    refundEvents.stream()
                            .map(r -> r.object().getString("status"))
                            .toList());
            for (Received r : refundEvents) {
                assertTrue(r.signed(), r::toString);
                assertEquals("refund", r.object().getString("object"));
                assertEquals(id, r.object().getString("payment_id"));
                assertEquals("10.00", r.object().getJsonNumber("amount").toString());
            }
            assertEquals("pending", previous(refundEvents.get(1)).getString("status"));

            List<Received> paymentEvents = receiver.awaitEvents(id, 4, SOON);
            assertEquals(
                    List.of("payment.created", "payment.processing", "payment.completed", "payment.refunded"),
                    types(paymentEvents));
            Received refunded = paymentEvents.get(3);
            assertTrue(refunded.signed(), refunded::toString);
            assertEquals(4, refunded.sequence());
            assertEquals("refunded", refunded.object().getString("status"));
            assertEquals(
                    "10.00", refunded.object().getJsonNumber("refunded_amount").toString());
            assertEquals("completed", previous(refunded).getString("status"));
        }
    }

    @Test
    void aReceiverThatFailsOnceGetsTheSameEventAgainAndTheLogShowsBothAttempts() {
        try (Receiver receiver = new Receiver().answer(500)) {
            String endpointId = endpoint(api, receiver).getString("id");
            pay(VISA);

            Received refused = receiver.await("a first request", all -> !all.isEmpty(), SOON)
                    .get(0);
            assertEquals(500, refused.answered());
            String eventId = refused.eventId();
            Received retried = receiver.awaitTimes(eventId, 2, RETRIES).get(1);
            assertEquals(200, retried.answered());
            assertTrue(refused.signed() && retried.signed(), retried::toString);
            assertEquals(refused.event(), retried.event(), "the same event again");
            assertEquals(
                    refused.header("Paygate-Delivery-Id"),
                    retried.header("Paygate-Delivery-Id"),
                    "a retry of the same delivery");
            Duration waited = Duration.between(refused.at(), retried.at());
            assertTrue(waited.toMillis() >= 900, "retried after the schedule's first wait (1 s less 10 %): " + waited);

            JsonObject delivery = await(
                            "the delivery logged as succeeded",
                            () -> deliveries(api, eventId),
                            d -> d.size() == 1 && "succeeded".equals(d.get(0).getString("status")),
                            SOON)
                    .get(0);
            assertEquals(refused.header("Paygate-Delivery-Id"), delivery.getString("id"));
            assertEquals("webhook_delivery", delivery.getString("object"));
            assertEquals(eventId, delivery.getString("event_id"));
            assertEquals(refused.type(), delivery.getString("event_type"));
            assertEquals(endpointId, delivery.getString("endpoint_id"));
            assertEquals(2, delivery.getInt("attempt_count"), delivery::toString);
            List<JsonObject> attempts = attempts(delivery);
            assertEquals(2, attempts.size(), delivery::toString);
            JsonObject first = attempts.get(0);
            assertFalse(first.getBoolean("succeeded"), delivery::toString);
            assertEquals(500, first.getInt("http_status"), delivery::toString);
            assertEquals(Receiver.answerBody(500), first.getString("response_body"), "the answer is kept");
            assertFalse(first.isNull("next_retry_at"), "when the retry was due: " + delivery);
            assertTrue(first.getInt("latency_ms") >= 0, delivery::toString);
            JsonObject second = attempts.get(1);
            assertTrue(second.getBoolean("succeeded"), delivery::toString);
            assertEquals(200, second.getInt("http_status"), delivery::toString);
        }
    }

    @Test
    void aReceiverThatIsDownGetsEveryEventOnceItIsBack() {
        try (Receiver receiver = new Receiver()) {
            endpoint(api, receiver);
            receiver.down();
            String id = pay(VISA);
            api.awaitStatus(id, "completed");
            List<String> listed = ids(events(api, ""));
            assertEquals(3, listed.size(), listed::toString);
            // The gateway tried each while the receiver was down, logged why it failed, and will try again.
            for (String eventId : listed) {
                JsonObject delivery = await(
                                "a failed attempt of " + eventId,
                                () -> deliveries(api, eventId),
                                d -> d.size() == 1 && d.get(0).getInt("attempt_count") >= 1,
                                SOON)
                        .get(0);
                assertEquals("pending", delivery.getString("status"), delivery::toString);
                JsonObject attempt = attempts(delivery).get(0);
                assertFalse(attempt.getBoolean("succeeded"), delivery::toString);
                assertTrue(attempt.isNull("http_status"), "no answer, so no status: " + delivery);
                assertFalse(attempt.getString("error").isBlank(), "the error instead: " + delivery);
            }

            receiver.up();
            List<Received> events = receiver.awaitEvents(id, 3, RETRIES);
            assertEquals(List.of("payment.created", "payment.processing", "payment.completed"), types(events));
            events.forEach(r -> assertTrue(r.signed(), r::toString));
            assertEquals(
                    Set.copyOf(listed),
                    receiver.received().stream().map(Received::eventId).collect(Collectors.toSet()));
        }
    }

    @Test
    void anEventIsResentOnRequestToItsEndpointsButNotToAnotherMerchants() {
        try (Receiver receiver = new Receiver()) {
            String endpointId = endpoint(api, receiver).getString("id");
            String id = pay(VISA);
            Received original = receiver.awaitEvent("payment.completed", id, SOON);
            String eventId = original.eventId();

            Api.Reply resent = api.post("/api/v1/events/" + eventId + "/resend", null);
            assertEquals(202, resent.status(), resent::toString);
            JsonObject delivery = only(deliveriesIn(resent));
            assertEquals(endpointId, delivery.getString("endpoint_id"));
            assertEquals(eventId, delivery.getString("event_id"));
            String deliveryId = delivery.getString("id");
            assertNotEquals(original.header("Paygate-Delivery-Id"), deliveryId, "a resend is a new delivery");
            Received again = awaitDelivery(receiver, deliveryId);
            assertTrue(again.signed(), again::toString);
            assertEquals(original.event(), again.event(), "the same event");

            Api.Reply toIt = api.post("/api/v1/events/" + eventId + "/resend", json(Map.of("endpoint_id", endpointId)));
            assertEquals(202, toIt.status(), toIt::toString);
            String targeted = only(deliveriesIn(toIt)).getString("id");
            awaitDelivery(receiver, targeted);
            List<String> logged = ids(await(
                    "the endpoint's log with both resends",
                    () -> endpointDeliveries(api, endpointId),
                    d -> ids(d).contains(targeted),
                    SOON));
            assertEquals(targeted, logged.get(0), "newest first: " + logged);
            assertTrue(logged.contains(deliveryId), logged::toString);

            Api other = new Api(base, createMerchant(Api.merchant()));
            String theirs = createEndpoint(other, "http://127.0.0.1:9/theirs").getString("id");
            for (String target : List.of(theirs, "we_doesnotexist")) {
                Api.Reply refused =
                        api.post("/api/v1/events/" + eventId + "/resend", json(Map.of("endpoint_id", target)));
                assertTrue(refused.status() == 404 || refused.status() == 400, refused::toString);
                JsonObject error = refused.error();
                assertEquals("invalid_request_error", error.getString("type"), refused::toString);
                if (refused.status() == 400) {
                    assertEquals("endpoint_id", error.getString("param"), refused::toString);
                }
            }
            assertEquals(3, deliveries(api, eventId).size(), "the refused resends made no delivery");
        }
    }

    @Test
    void duringARotationDeliveriesCarryASignatureForEachSecret() {
        try (Receiver receiver = new Receiver()) {
            JsonObject endpoint = endpoint(api, receiver);
            String old = endpoint.getString("secret");
            String before = pay(VISA);
            for (Received r : receiver.awaitEvents(before, 3, SOON)) {
                assertEquals(1, r.signatures(), r::toString);
                assertEquals(1, r.validSignatures(old), r::toString);
            }

            String fresh = rotate(endpoint.getString("id"), null);
            assertNotEquals(old, fresh);
            receiver.trust(fresh);
            String during = pay(VISA);
            for (Received r : receiver.awaitEvents(during, 3, SOON)) {
                assertEquals(2, r.signatures(), "one v1 per valid secret: " + r.header("Paygate-Signature"));
                assertEquals(1, r.validSignatures(old), "one valid for the old secret: " + r);
                assertEquals(1, r.validSignatures(fresh), "one valid for the new secret: " + r);
            }
        }
    }

    @Test
    void aRotationThatExpiresTheCurrentSecretAtOnceSignsWithTheNewOneOnly() {
        try (Receiver receiver = new Receiver()) {
            JsonObject endpoint = endpoint(api, receiver);
            String old = endpoint.getString("secret");
            String fresh = rotate(endpoint.getString("id"), json(Map.of("expire_current_in_seconds", 0)));
            receiver.trust(fresh);
            String id = pay(VISA);
            for (Received r : receiver.awaitEvents(id, 3, SOON)) {
                assertEquals(1, r.signatures(), r.header("Paygate-Signature"));
                assertEquals(1, r.validSignatures(fresh), r::toString);
                assertEquals(0, r.validSignatures(old), "the old secret no longer signs: " + r);
            }
        }
    }

    @Test
    void aReceiverAnswering410IsDisabledAndSentNothingUntilEnabledAgain() {
        try (Receiver gone = new Receiver().answerAlways(410);
                Receiver witness = new Receiver()) {
            String endpointId = endpoint(api, gone).getString("id");
            String first = pay(VISA);
            gone.await("a first request", all -> !all.isEmpty(), SOON);
            JsonObject disabled = await(
                    "the endpoint disabled",
                    () -> endpointNow(endpointId),
                    e -> "disabled".equals(e.getString("status")),
                    SOON);
            assertTrue(
                    !disabled.isNull("disabled_reason")
                            && disabled.getString("disabled_reason").contains("410"),
                    disabled::toString);
            api.awaitStatus(first, "completed");

            // A second endpoint, sent everything at once, shows when the later events went out.
            endpoint(api, witness);
            String later = pay(VISA);
            String completed = witness.awaitEvents(later, 3, SOON).get(2).eventId();
            assertEquals(List.of(), gone.types(later), "a disabled endpoint is sent nothing");
            for (JsonObject waiting : deliveries(api, completed)) {
                if (endpointId.equals(waiting.getString("endpoint_id"))) {
                    assertEquals(0, waiting.getInt("attempt_count"), "it waits: " + waiting);
                }
            }

            gone.answerAlways(200);
            Api.Reply enabled = api.post("/api/v1/webhook_endpoints/" + endpointId, json(Map.of("status", "enabled")));
            assertEquals(200, enabled.status(), enabled::toString);
            assertEquals("enabled", enabled.json().getString("status"));
            assertTrue(
                    enabled.json().isNull("disabled_reason") || !enabled.json().containsKey("disabled_reason"),
                    enabled::toString);
            List<Received> sent = gone.awaitEvents(later, 3, RETRIES);
            sent.forEach(r -> assertTrue(r.signed(), r::toString));
        }
    }

    @Test
    void anotherMerchantCanNeitherSeeNorTouchTheEventsAndEndpoints() {
        try (Receiver receiver = new Receiver();
                Receiver theirReceiver = new Receiver()) {
            String endpointId = endpoint(api, receiver).getString("id");
            String id = pay(VISA);
            String eventId = receiver.awaitEvent("payment.completed", id, SOON).eventId();

            String them = Api.merchant();
            Api other = new Api(base, createMerchant(them));
            String theirEndpoint = endpoint(other, theirReceiver).getString("id");
            Api.Reply theirs = other.post("/api/v1/payments", Api.cardPayment(them, "10.00", VISA, Map.of()));
            assertEquals(201, theirs.status(), theirs::toString);
            String theirPayment = theirs.json().getString("id");
            theirReceiver.awaitEvents(theirPayment, 3, SOON);

            for (String path : List.of(
                    "/api/v1/events/" + eventId,
                    "/api/v1/events/" + eventId + "/deliveries",
                    "/api/v1/webhook_endpoints/" + endpointId,
                    "/api/v1/webhook_endpoints/" + endpointId + "/deliveries")) {
                assertNotFound(other.get(path));
            }
            assertNotFound(other.post("/api/v1/events/" + eventId + "/resend", null));
            assertNotFound(other.post("/api/v1/webhook_endpoints/" + endpointId, json(Map.of("description", "mine"))));
            assertNotFound(other.post("/api/v1/webhook_endpoints/" + endpointId + "/rotate_secret", null));
            assertNotFound(delete(other, "/api/v1/webhook_endpoints/" + endpointId));

            List<JsonObject> theirEvents = events(other, "");
            assertEquals(3, theirEvents.size(), theirEvents::toString);
            assertTrue(theirEvents.stream()
                    .allMatch(e -> objectOf(e).getString("id").equals(theirPayment)));
            assertEquals(List.of(theirEndpoint), ids(list(other.get("/api/v1/webhook_endpoints"))));
            // Each receiver got its own merchant's events only.
            assertEquals(List.of(), receiver.types(theirPayment));
            assertEquals(List.of(), theirReceiver.types(id));

            JsonObject ours = endpointNow(endpointId);
            assertEquals("enabled", ours.getString("status"), "untouched: " + ours);
            assertFalse(ours.toString().contains("mine"), ours::toString);
            assertEquals(3, events(api, "").size());
        }
    }

    @Test
    void endpointsAndListsFilterByType() {
        try (Receiver refunds = new Receiver();
                Receiver everything = new Receiver()) {
            Instant started = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
            String refundsOnly = endpoint(api, refunds, "refund.*").getString("id");
            String all = endpoint(api, everything).getString("id");
            String id = completedPayment();
            Api.Reply refund = api.post("/api/v1/payments/" + id + "/refund", null);
            assertEquals(202, refund.status(), refund::toString);
            String refundId = refund.json().getString("id");

            // The endpoint that takes everything shows when the last events went out.
            everything.awaitEvents(id, 4, SOON);
            everything.awaitEvents(refundId, 2, SOON);
            refunds.awaitEvents(refundId, 2, SOON);
            assertTrue(
                    refunds.received().stream().allMatch(r -> r.type().startsWith("refund.")),
                    refunds.received()::toString);
            String paymentRefunded = everything.events(id).get(3).eventId();
            assertEquals(
                    List.of(all),
                    deliveries(api, paymentRefunded).stream()
                            .map(d -> d.getString("endpoint_id"))
                            .toList(),
                    "payment.refunded goes only to the endpoint that takes it, not to " + refundsOnly);

            List<JsonObject> payments = events(api, "type=payment.*");
            assertEquals(
                    List.of("payment.refunded", "payment.completed", "payment.processing", "payment.created"),
                    payments.stream().map(e -> e.getString("type")).toList());
            assertEquals(List.of("refund.created"), types(events(api, "type=refund.created")));
            assertEquals(6, events(api, "").size(), "four payment events and two refund events");
            long future = Instant.now().plusSeconds(3600).getEpochSecond();
            assertEquals(List.of(), events(api, "created_gte=" + future), "Unix seconds");
            assertEquals(List.of(), events(api, "created_gte=" + Instant.ofEpochSecond(future)), "ISO-8601");
            assertEquals(List.of(), events(api, "created_lte=" + started));
            assertEquals(
                    6,
                    events(api, "created_gte=" + started + "&created_lte=" + future)
                            .size());

            assertInvalid(api.get("/api/v1/events?type=payment.teleported"), "type");
            assertInvalid(api.get("/api/v1/events?created_gte=soon"), "created_gte");
            assertInvalid(
                    api.post(
                            "/api/v1/webhook_endpoints",
                            json(Map.of(
                                    "url",
                                    refunds.url(),
                                    "enabled_events",
                                    Json.createArrayBuilder()
                                            .add("payment.teleported")
                                            .build()))),
                    "enabled_events");
            assertEquals(2, list(api.get("/api/v1/webhook_endpoints")).size(), "the refused endpoint was not made");
        }
    }

    @Test
    void anEndpointNeedsAnAbsoluteHttpUrlAndShowsItsSecretOnlyOnCreationAndRotation() {
        for (String url : List.of("ftp://x", "not a url", "/webhooks")) {
            assertInvalid(api.post("/api/v1/webhook_endpoints", json(Map.of("url", url))), "url");
        }
        assertInvalid(api.post("/api/v1/webhook_endpoints", "{}"), "url");
        assertEquals(List.of(), list(api.get("/api/v1/webhook_endpoints")), "none was made");

        Api.Reply created = api.post(
                "/api/v1/webhook_endpoints",
                json(Map.of("url", "https://shop.example/webhooks", "description", "the shop")));
        assertEquals(201, created.status(), created::toString);
        JsonObject endpoint = created.json();
        String id = endpoint.getString("id");
        String secret = endpoint.getString("secret");
        assertTrue(secret.startsWith("whsec_") && secret.length() > "whsec_".length() + 16, secret);
        assertEquals("https://shop.example/webhooks", endpoint.getString("url"));
        assertEquals("enabled", endpoint.getString("status"));
        assertEquals(List.of("*"), strings(endpoint.getJsonArray("enabled_events")), "every event by default");
        assertEquals("the shop", endpoint.getString("description"));

        assertNoSecret(api.get("/api/v1/webhook_endpoints/" + id), secret);
        assertNoSecret(api.get("/api/v1/webhook_endpoints"), secret);
        assertNoSecret(
                api.post("/api/v1/webhook_endpoints/" + id, json(Map.of("description", "still the shop"))), secret);
        String rotated = rotate(id, null);
        assertNoSecret(api.get("/api/v1/webhook_endpoints/" + id), rotated);
        assertNoSecret(api.get("/api/v1/webhook_endpoints/" + id), secret);
    }

    @Test
    void aDeletedEndpointIsGone() {
        String id = createEndpoint(api, "https://shop.example/webhooks").getString("id");
        Api.Reply deleted = delete(api, "/api/v1/webhook_endpoints/" + id);
        assertEquals(200, deleted.status(), deleted::toString);
        assertEquals(id, deleted.json().getString("id"));
        assertFalse(deleted.json().getString("object").isBlank());
        assertTrue(deleted.json().getBoolean("deleted"), deleted::toString);
        assertNotFound(api.get("/api/v1/webhook_endpoints/" + id));
        assertNotFound(delete(api, "/api/v1/webhook_endpoints/" + id));
        assertEquals(List.of(), list(api.get("/api/v1/webhook_endpoints")));
    }

    @Test
    void refundsThatAreRefusedOrLoseARaceLeaveNoEvent() throws Exception {
        String id = completedPayment("100.00");
        Api.Reply tooMuch = api.post("/api/v1/payments/" + id + "/refund", "{\"amount\": 100.01}");
        assertEquals(400, tooMuch.status(), tooMuch::toString);

        // Concurrent refunds of 30.00: three fit; the others are refused, some perhaps after their insert rolled back.
        int requests = 8;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return api.post("/api/v1/payments/" + id + "/refund", "{\"amount\": 30.00}");
                }));
            }
            go.countDown();
            for (Future<Api.Reply> f : replies) {
                Api.Reply reply = f.get(60, TimeUnit.SECONDS);
                if (reply.status() == 202) {
                    accepted.add(reply.json().getString("id"));
                } else {
                    assertTrue(reply.status() >= 400 && reply.status() < 500, reply::toString);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, accepted.size());
        // Committed with the refund, so listed as soon as the refund was answered.
        List<String> announced = events(api, "type=refund.created").stream()
                .map(e -> objectOf(e).getString("id"))
                .sorted()
                .toList();
        assertEquals(accepted.stream().sorted().toList(), announced, "one refund.created per accepted refund");
    }

    // --- the merchant's side, shared with WebhookCrashIT

    /** Creates an endpoint for {@code url}; {@code enabledEvents} empty leaves the default. */
    static JsonObject createEndpoint(Api api, String url, String... enabledEvents) {
        var body = Json.createObjectBuilder().add("url", url);
        if (enabledEvents.length > 0) {
            body.add("enabled_events", Json.createArrayBuilder(List.of(enabledEvents)));
        }
        Api.Reply created = api.post("/api/v1/webhook_endpoints", body.build().toString());
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    /** Creates an endpoint that sends to {@code receiver}, which from now on trusts its secret. */
    static JsonObject endpoint(Api api, Receiver receiver, String... enabledEvents) {
        JsonObject endpoint = createEndpoint(api, receiver.url(), enabledEvents);
        receiver.trust(endpoint.getString("secret"));
        return endpoint;
    }

    /** Every event {@code query} lists, all pages, newest first. */
    static List<JsonObject> events(Api api, String query) {
        List<JsonObject> all = new ArrayList<>();
        String after = null;
        while (true) {
            Api.Reply page = api.get("/api/v1/events?limit=100" + (query.isEmpty() ? "" : "&" + query)
                    + (after == null ? "" : "&starting_after=" + after));
            assertEquals(200, page.status(), page::toString);
            List<JsonObject> data = list(page);
            all.addAll(data);
            if (!page.json().getBoolean("has_more") || data.isEmpty()) {
                return all;
            }
            after = data.get(data.size() - 1).getString("id");
        }
    }

    /** The event's deliveries, one per endpoint (and one per resend). */
    static List<JsonObject> deliveries(Api api, String eventId) {
        Api.Reply reply = api.get("/api/v1/events/" + eventId + "/deliveries");
        assertEquals(200, reply.status(), reply::toString);
        return list(reply);
    }

    static List<JsonObject> endpointDeliveries(Api api, String endpointId) {
        Api.Reply reply = api.get("/api/v1/webhook_endpoints/" + endpointId + "/deliveries");
        assertEquals(200, reply.status(), reply::toString);
        return list(reply);
    }

    /** A delivery's attempts, oldest first. */
    static List<JsonObject> attempts(JsonObject delivery) {
        return delivery.getJsonArray("attempts").stream()
                .map(JsonValue::asJsonObject)
                .sorted(Comparator.comparing(a -> Instant.parse(a.getString("attempted_at"))))
                .toList();
    }

    /** The {@code data} of a list answer. */
    static List<JsonObject> list(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("data").stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    static JsonObject objectOf(JsonObject event) {
        return event.getJsonObject("data").getJsonObject("object");
    }

    static List<String> ids(List<JsonObject> objects) {
        return objects.stream().map(o -> o.getString("id")).toList();
    }

    static List<String> types(List<?> events) {
        return events.stream()
                .map(e -> e instanceof Received r ? r.type() : ((JsonObject) e).getString("type"))
                .toList();
    }

    /** Polls {@code probe} until its value is {@code done}; fails with the last value after {@code timeout}. */
    static <T> T await(String what, Supplier<T> probe, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout + "; last seen " + value);
            }
            Api.sleep(100);
        }
    }

    static Api.Reply delete(Api api, String path) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).DELETE());
    }

    static String json(Map<String, Object> fields) {
        return Api.toJson(fields);
    }

    @Test
    void theMerchantsWebhookUrlIsItsDefaultEndpointForEveryEvent() {
        try (Receiver receiver = new Receiver()) {
            Api.Reply set = admin.post(
                    "/api/v1/admin/merchants/" + merchant, json(Map.of("webhook_url", receiver.url() + "default")));
            assertEquals(200, set.status(), set::toString);
            JsonObject endpoint = only(list(api.get("/api/v1/webhook_endpoints")));
            assertTrue(endpoint.getBoolean("merchant_default"), endpoint::toString);
            assertEquals(receiver.url() + "default", endpoint.getString("url"));
            assertEquals(List.of("*"), strings(endpoint.getJsonArray("enabled_events")));
            assertTrue(!endpoint.containsKey("secret") || endpoint.isNull("secret"), endpoint::toString);
            // Its secret is never shown at creation: a rotation that ends the unknown one at once gives it.
            String id = endpoint.getString("id");
            receiver.trust(rotate(id, json(Map.of("expire_current_in_seconds", 0))));

            String payment = pay(VISA);
            receiver.awaitEvents(payment, 3, SOON).forEach(r -> assertTrue(r.signed(), r::toString));

            Api.Reply removed = admin.post("/api/v1/admin/merchants/" + merchant, json(Map.of("webhook_url", "")));
            assertEquals(200, removed.status(), removed::toString);
            assertEquals(List.of(), list(api.get("/api/v1/webhook_endpoints")));
            assertNotFound(api.get("/api/v1/webhook_endpoints/" + id));
        }
    }

    @Test
    void anEndpointThatNeverSucceedsForTheWholeScheduleIsDisabledAndSaysWhy() {
        try (Receiver receiver = new Receiver()) {
            receiver.answerAlways(500);
            String endpointId = endpoint(api, receiver, "payment.created").getString("id");
            String payment = pay(VISA);
            String event = receiver.awaitEvent("payment.created", payment, SOON).eventId();

            JsonObject disabled = await(
                    "the endpoint disabled",
                    () -> endpointNow(endpointId),
                    e -> "disabled".equals(e.getString("status")),
                    RETRIES);
            assertTrue(disabled.getString("disabled_reason").contains("whole retry schedule"), disabled::toString);
            JsonObject delivery = only(deliveries(api, event));
            assertEquals("failed", delivery.getString("status"), delivery::toString);
            // The first attempt and the five retries of the build's schedule, each logged with its answer.
            assertEquals(6, delivery.getInt("attempt_count"), delivery::toString);
            List<JsonObject> attempts = attempts(delivery);
            assertEquals(6, attempts.size(), delivery::toString);
            attempts.forEach(a -> assertEquals(500, a.getInt("http_status"), a::toString));
            assertTrue(attempts.get(5).isNull("next_retry_at"), delivery::toString);
            assertEquals(6, receiver.ofEvent(event).size(), receiver.received()::toString);
        }
    }

    // --- this test's merchant

    private String pay(String card) {
        return pay(card, "10.00");
    }

    private String pay(String card, String amount) {
        Api.Reply created = api.post("/api/v1/payments", Api.cardPayment(merchant, amount, card, Map.of()));
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    private String completedPayment() {
        return completedPayment("10.00");
    }

    private String completedPayment(String amount) {
        String id = pay(VISA, amount);
        api.awaitStatus(id, "completed");
        return id;
    }

    private JsonObject endpointNow(String id) {
        Api.Reply reply = api.get("/api/v1/webhook_endpoints/" + id);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** Rotates the endpoint's secret; returns the new one. */
    private String rotate(String endpointId, String body) {
        Api.Reply rotated = api.post("/api/v1/webhook_endpoints/" + endpointId + "/rotate_secret", body);
        assertEquals(200, rotated.status(), rotated::toString);
        String secret = rotated.json().getString("secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        return secret;
    }

    private static Received awaitDelivery(Receiver receiver, String deliveryId) {
        return receiver
                .await(
                        "the delivery " + deliveryId,
                        all -> all.stream().anyMatch(r -> deliveryId.equals(r.header("Paygate-Delivery-Id"))),
                        SOON)
                .stream()
                .filter(r -> deliveryId.equals(r.header("Paygate-Delivery-Id")))
                .findFirst()
                .orElseThrow();
    }

    /** The deliveries a resend answers with: a list's {@code data}, or a bare array. */
    private static List<JsonObject> deliveriesIn(Api.Reply reply) {
        JsonArray array = reply.body().strip().startsWith("[")
                ? reply.array()
                : reply.json().getJsonArray("data");
        return array.stream().map(JsonValue::asJsonObject).toList();
    }

    private static JsonObject only(List<JsonObject> objects) {
        assertEquals(1, objects.size(), objects::toString);
        return objects.get(0);
    }

    private static JsonObject previous(Received event) {
        return event.event().getJsonObject("data").getJsonObject("previous_attributes");
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static void assertNotFound(Api.Reply reply) {
        assertEquals(404, reply.status(), reply::toString);
        assertEquals("resource_missing", reply.error().getString("code"), reply::toString);
    }

    private static void assertInvalid(Api.Reply reply, String param) {
        assertEquals(400, reply.status(), reply::toString);
        JsonObject error = reply.error();
        assertEquals("invalid_request_error", error.getString("type"), reply::toString);
        assertTrue(
                !error.isNull("param") && error.getString("param").startsWith(param), "names " + param + ": " + reply);
    }

    private static void assertNoSecret(Api.Reply reply, String secret) {
        assertEquals(200, reply.status(), reply::toString);
        assertFalse(reply.body().contains(secret), "the secret is shown once only: " + reply);
        assertFalse(reply.body().contains("whsec_"), "no secret at all: " + reply);
    }
}
