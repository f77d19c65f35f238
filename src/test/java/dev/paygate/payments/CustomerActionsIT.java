package dev.paygate.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Payments that wait for their customer, through the public API on PostgreSQL: the hosted page's
 * address, the test API that answers for the customer, the timeout (the build gives customers
 * PAYGATE_AUTHENTICATION_TIMEOUT_SECONDS of 20 s), cancelling, and the history and events each
 * step leaves. The hosted page itself is driven in a browser by {@link HostedPagesIT}.
 */
class CustomerActionsIT extends AgainstGateway {

    private static final String THREE_D_SECURE = "4000000000003220";
    private static final String RETURN_URL = "https://shop.example/return?cart=7";

    private String waiting(Map<String, Object> overrides) {
        Map<String, Object> fields = new java.util.HashMap<>(Map.of("return_url", RETURN_URL));
        fields.putAll(overrides);
        Api.Reply reply = api.post("/api/v1/payments", Api.cardPayment(merchant, "30.00", THREE_D_SECURE, fields));
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(RETURN_URL, reply.json().getString("return_url"));
        assertTrue(reply.json().isNull("next_action"), reply::toString);
        String id = reply.json().getString("id");
        List<String> seen = api.awaitStatus(id, "requires_action");
        assertEquals(List.of("processing", "requires_action"), seen.subList(seen.size() - 2, seen.size()));
        return id;
    }

    private Api.Reply authenticate(String id, String result) {
        return api.post("/api/v1/test/payments/" + id + "/authenticate", "{\"result\": \"" + result + "\"}");
    }

    @Test
    void aChallengeWaitsWithTheHostedPagesAddressAndCompletesOnceAnswered() {
        String id = waiting(Map.of());
        JsonObject payment = api.get("/api/v1/payments/" + id).json();
        JsonObject next = payment.getJsonObject("next_action");
        assertEquals("redirect_to_url", next.getString("type"));
        String url = next.getJsonObject("redirect_to_url").getString("url");
        assertTrue(url.matches("http://localhost:8080/pay/" + id + "/[A-Za-z0-9]{32}"), url);
        assertEquals(RETURN_URL, next.getJsonObject("redirect_to_url").getString("return_url"));
        assertEquals("challenge", payment.getJsonObject("three_d_secure").getString("flow"));
        assertTrue(payment.getJsonObject("three_d_secure").isNull("result"), payment::toString);

        Api.Reply answered = authenticate(id, "success");
        assertEquals(200, answered.status(), answered::toString);
        assertEquals("completed", answered.json().getString("status"));
        assertTrue(answered.json().isNull("next_action"), answered::toString);
        assertEquals(
                "authenticated", answered.json().getJsonObject("three_d_secure").getString("result"));

        List<String> steps = api.get("/api/v1/payments/" + id + "/transactions").array().stream()
                .map(JsonObject.class::cast)
                .map(t -> t.getString("type") + " " + t.getString("status"))
                .toList();
        assertEquals(
                List.of(
                        "charge pending",
                        "charge processing",
                        "authentication pending",
                        "authentication succeeded",
                        "charge succeeded"),
                steps);
        assertEquals(
                List.of("payment.completed", "payment.requires_action", "payment.processing", "payment.created"),
                eventTypes(id));

        JsonObject completion =
                api.get("/api/v1/events?type=payment.completed&limit=10").json().getJsonArray("data").stream()
                        .map(JsonObject.class::cast)
                        .filter(e -> e.getJsonObject("data")
                                .getJsonObject("object")
                                .getString("id")
                                .equals(id))
                        .findFirst()
                        .orElseThrow();
        JsonObject previous = completion.getJsonObject("data").getJsonObject("previous_attributes");
        assertEquals("requires_action", previous.getString("status"), previous::toString);
        assertEquals(
                url,
                previous.getJsonObject("next_action")
                        .getJsonObject("redirect_to_url")
                        .getString("url"));
        assertTrue(previous.getJsonObject("three_d_secure").isNull("result"), previous::toString);

        Api.Reply again = authenticate(id, "success");
        assertEquals(409, again.status(), again::toString);
        assertEquals("payment_invalid_state", again.error().getString("code"));
        assertTrue(again.error().getString("message").contains("completed"), again::toString);
    }

    @Test
    void aFailedChallengeFailsThePaymentAndAManualOneIsAuthorisedOnceAnswered() {
        String failed = waiting(Map.of());
        Api.Reply refused = authenticate(failed, "failure");
        assertEquals(200, refused.status(), refused::toString);
        assertEquals("failed", refused.json().getString("status"));
        assertEquals("authentication_failed", refused.json().getString("failure_code"));

        String manual = waiting(Map.of("capture_method", "manual"));
        Api.Reply authorized = authenticate(manual, "success");
        assertEquals("authorized", authorized.json().getString("status"), authorized::toString);
        Api.Reply captured = api.post("/api/v1/payments/" + manual + "/capture", "{\"amount\": 12.00}");
        assertEquals(200, captured.status(), captured::toString);
        assertEquals("12.00", captured.json().getJsonNumber("amount_captured").toString());
    }

    @Test
    void anUnansweredChallengeTimesOut() {
        String id = waiting(Map.of());
        api.awaitPayment(id, p -> p.getString("status").equals("failed"), Duration.ofSeconds(60));
        JsonObject payment = api.get("/api/v1/payments/" + id).json();
        assertEquals("authentication_timeout", payment.getString("failure_code"), payment::toString);
        assertEquals("timed_out", payment.getJsonObject("three_d_secure").getString("result"));
        assertTrue(payment.isNull("next_action"), payment::toString);
    }

    @Test
    void aWaitingPaymentCanBeCancelledAndThenNotAnswered() {
        String id = waiting(Map.of());
        Api.Reply cancelled =
                api.post("/api/v1/payments/" + id + "/cancel", "{\"cancellation_reason\": \"abandoned\"}");
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("cancelled", cancelled.json().getString("status"));
        Api.Reply late = authenticate(id, "success");
        assertEquals(409, late.status(), late::toString);
    }

    @Test
    void onlyTheMerchantMayAnswerAndOnlyWithAValidResult() {
        String id = waiting(Map.of());
        Api other = api.withKey(createMerchant(Api.merchant()));
        Api.Reply foreign = other.post("/api/v1/test/payments/" + id + "/authenticate", "{\"result\": \"success\"}");
        assertEquals(404, foreign.status(), foreign::toString);
        Api.Reply invalid = authenticate(id, "maybe");
        assertEquals(400, invalid.status(), invalid::toString);
        assertEquals("result", invalid.error().getString("param"));
        assertEquals("requires_action", api.get("/api/v1/payments/" + id).json().getString("status"));

        String plain = api.post("/api/v1/payments", Api.cardPayment(merchant, "5.00", "4242424242424242", Map.of()))
                .json()
                .getString("id");
        api.awaitStatus(plain, "completed");
        assertEquals(409, authenticate(plain, "success").status());
    }

    @Test
    void aReturnUrlMustBeAnAbsoluteWebAddress() {
        for (String bad :
                List.of("ftp://shop.example/x", "javascript:alert(1)", "/relative", "https://u:p@shop.example/")) {
            Api.Reply reply = api.post(
                    "/api/v1/payments", Api.cardPayment(merchant, "5.00", THREE_D_SECURE, Map.of("return_url", bad)));
            assertEquals(400, reply.status(), () -> bad + " → " + reply);
            assertEquals("return_url", reply.error().getString("param"), reply::toString);
        }
    }

    @Test
    void payPalWaitsForApprovalOnlyWhenTheCustomerCanComeBack() {
        Map<String, Object> paypal = new java.util.HashMap<>();
        paypal.put("payment_method", "paypal");
        paypal.put("card_number", null);
        paypal.put("card_expiry_month", null);
        paypal.put("card_expiry_year", null);
        paypal.put("card_cvv", null);
        String direct = api.post("/api/v1/payments", Api.cardPayment(merchant, "9.00", "", paypal))
                .json()
                .getString("id");
        paypal.put("return_url", RETURN_URL);
        paypal.put("customer_email", "buyer+declined@example.com");
        String approving = api.post("/api/v1/payments", Api.cardPayment(merchant, "9.00", "", paypal))
                .json()
                .getString("id");
        api.awaitStatus(direct, "completed");
        api.awaitStatus(approving, "requires_action");
        assertTrue(api.get("/api/v1/payments/" + approving).json().isNull("three_d_secure"));
        Api.Reply approved = authenticate(approving, "success");
        assertEquals("failed", approved.json().getString("status"), approved::toString);
        assertEquals("paypal_declined", approved.json().getString("failure_code"));
    }

    private List<String> eventTypes(String paymentId) {
        return api.get("/api/v1/events?limit=100").json().getJsonArray("data").stream()
                .map(JsonObject.class::cast)
                .filter(e -> e.getJsonObject("data")
                        .getJsonObject("object")
                        .getString("id")
                        .equals(paymentId))
                .map(e -> e.getString("type"))
                .toList();
    }
}
