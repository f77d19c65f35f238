package dev.paygate.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Authorise now, capture or void later, through the public API on PostgreSQL. The build gives
 * authorisations 8 s of validity (PAYGATE_AUTHORIZATION_VALIDITY_SECONDS), so expiry is seen here.
 */
class CaptureIT extends AgainstGateway {

    private String authorized(String amount) {
        Api.Reply reply = api.post(
                "/api/v1/payments",
                Api.cardPayment(merchant, amount, "4242424242424242", Map.of("capture_method", "manual")));
        assertEquals(201, reply.status(), reply::toString);
        assertEquals("manual", reply.json().getString("capture_method"));
        String id = reply.json().getString("id");
        List<String> seen = api.awaitStatus(id, "authorized");
        assertEquals(
                List.of("pending", "processing", "authorized"),
                seen.subList(Math.max(0, seen.size() - 3), seen.size()));
        return id;
    }

    private Api.Reply capture(String id, String body) {
        return api.post("/api/v1/payments/" + id + "/capture", body);
    }

    private static String amount(JsonObject payment, String field) {
        return payment.getJsonNumber(field).toString();
    }

    @Test
    void anAuthorisationHoldsTheAmountUntilCapturedInFull() {
        String id = authorized("80.00");
        JsonObject held = api.get("/api/v1/payments/" + id).json();
        assertEquals("80.00", amount(held, "amount_capturable"));
        assertEquals("0.00", amount(held, "amount_captured"));
        Instant captureBefore = Instant.parse(held.getString("capture_before"));
        assertTrue(captureBefore.isAfter(Instant.parse(held.getString("updated_at"))), held::toString);

        Api.Reply captured = capture(id, null);
        assertEquals(200, captured.status(), captured::toString);
        JsonObject payment = captured.json();
        assertEquals("completed", payment.getString("status"));
        assertEquals("80.00", amount(payment, "amount_captured"));
        assertEquals("0.00", amount(payment, "amount_capturable"));
        assertTrue(payment.isNull("capture_before"), payment::toString);

        List<String> steps = api.get("/api/v1/payments/" + id + "/transactions").array().stream()
                .map(t -> t.asJsonObject().getString("type"))
                .toList();
        assertEquals(List.of("charge", "charge", "authorization", "capture"), steps);
    }

    @Test
    void aPartialCaptureBoundsTheRefunds() {
        String id = authorized("100.00");
        Api.Reply captured = capture(id, "{\"amount\": 60.00}");
        assertEquals(200, captured.status(), captured::toString);
        assertEquals("60.00", amount(captured.json(), "amount_captured"));

        Api.Reply tooMuch = api.post("/api/v1/payments/" + id + "/refund", "{\"amount\": 60.01}");
        assertEquals(400, tooMuch.status(), tooMuch::toString);
        assertEquals("amount_exceeds_refundable", tooMuch.error().getString("code"));

        Api.Reply part = api.post("/api/v1/payments/" + id + "/refund", "{\"amount\": 20.00}");
        assertEquals(202, part.status(), part::toString);
        Api.Reply rest = api.post("/api/v1/payments/" + id + "/refund", null);
        assertEquals(202, rest.status(), rest::toString);
        assertEquals("40.00", amount(rest.json(), "amount"));
        api.awaitStatus(id, "refunded");
        assertEquals("60.00", amount(api.get("/api/v1/payments/" + id).json(), "refunded_amount"));
    }

    @Test
    void aCaptureOfMoreThanAuthorisedOrOfAnotherStatusIsRefused() {
        String id = authorized("50.00");
        Api.Reply tooMuch = capture(id, "{\"amount\": 50.01}");
        assertEquals(400, tooMuch.status(), tooMuch::toString);
        assertEquals("amount_exceeds_capturable", tooMuch.error().getString("code"));
        assertEquals("amount", tooMuch.error().getString("param"));
        Api.Reply tooPrecise = capture(id, "{\"amount\": 10.001}");
        assertEquals(400, tooPrecise.status(), tooPrecise::toString);
        assertEquals("authorized", api.get("/api/v1/payments/" + id).json().getString("status"));

        Api.Reply automatic =
                api.post("/api/v1/payments", Api.cardPayment(merchant, "10.00", "4242424242424242", Map.of()));
        String completed = automatic.json().getString("id");
        assertEquals("automatic", automatic.json().getString("capture_method"));
        api.awaitStatus(completed, "completed");
        assertEquals("10.00", amount(api.get("/api/v1/payments/" + completed).json(), "amount_captured"));
        Api.Reply refused = capture(completed, null);
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("payment_invalid_state", refused.error().getString("code"));
        assertTrue(refused.error().getString("message").contains("completed"), refused::toString);

        Api.Reply unknown = api.post(
                "/api/v1/payments",
                Api.cardPayment(merchant, "10.00", "4242424242424242", Map.of("capture_method", "later")));
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals("capture_method", unknown.error().getString("param"));
    }

    @Test
    void aVoidCancelsTheAuthorisationWithItsReason() {
        String id = authorized("30.00");
        Api.Reply voided = api.post("/api/v1/payments/" + id + "/cancel", "{\"cancellation_reason\": \"abandoned\"}");
        assertEquals(200, voided.status(), voided::toString);
        assertEquals("cancelled", voided.json().getString("status"));
        assertEquals("abandoned", voided.json().getString("cancellation_reason"));
        assertEquals("0.00", amount(voided.json(), "amount_capturable"));
        assertEquals(409, capture(id, null).status());

        Api.Reply badReason =
                api.post("/api/v1/payments/" + authorized("5.00") + "/cancel", "{\"cancellation_reason\": \"bored\"}");
        assertEquals(400, badReason.status(), badReason::toString);
        assertEquals("cancellation_reason", badReason.error().getString("param"));
    }

    @Test
    void anUncapturedAuthorisationExpires() {
        String id = authorized("12.00");
        Instant captureBefore =
                Instant.parse(api.get("/api/v1/payments/" + id).json().getString("capture_before"));
        api.awaitPayment(id, p -> p.getString("status").equals("cancelled"), Duration.ofSeconds(25));
        JsonObject payment = api.get("/api/v1/payments/" + id).json();
        assertEquals("expired", payment.getString("cancellation_reason"));
        assertTrue(!Instant.parse(payment.getString("updated_at")).isBefore(captureBefore), payment::toString);
        assertEquals(409, capture(id, null).status());
    }

    @Test
    void ofTwentyConcurrentCapturesExactlyOneSucceeds() throws Exception {
        String id = authorized("20.00");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return capture(id, "{\"amount\": 15.00}");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Reply> reply : replies) {
                statuses.add(reply.get().status());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
            assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        } finally {
            pool.shutdownNow();
        }
        JsonObject payment = api.get("/api/v1/payments/" + id).json();
        assertEquals("15.00", amount(payment, "amount_captured"));
        long captures = api.get("/api/v1/payments/" + id + "/transactions").array().stream()
                .filter(t -> t.asJsonObject().getString("type").equals("capture"))
                .count();
        assertEquals(1, captures);
    }

    @Test
    void theAuthorisationIsAnEventAndTheCaptureSaysWhatItChanged() {
        String id = authorized("7.00");
        capture(id, "{\"amount\": 5.00}");
        List<JsonObject> events = api.get("/api/v1/events?limit=10").json().getJsonArray("data").stream()
                .map(e -> e.asJsonObject())
                .filter(e -> e.getJsonObject("data")
                        .getJsonObject("object")
                        .getString("id")
                        .equals(id))
                .toList();
        assertEquals(
                List.of("payment.completed", "payment.authorized", "payment.processing", "payment.created"),
                events.stream().map(e -> e.getString("type")).toList());
        JsonObject previous = events.get(0).getJsonObject("data").getJsonObject("previous_attributes");
        assertEquals("authorized", previous.getString("status"), previous::toString);
        assertEquals("7.00", amount(previous, "amount_capturable"), previous::toString);
        assertEquals("0.00", amount(previous, "amount_captured"), previous::toString);
        assertTrue(previous.containsKey("capture_before") && !previous.isNull("capture_before"), previous::toString);
        assertEquals(4, previous.size(), previous::toString);
    }
}
