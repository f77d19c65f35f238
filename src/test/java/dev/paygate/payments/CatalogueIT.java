package dev.paygate.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every entry of the served test catalogue, sent as a merchant would, ends as the catalogue says:
 * the catalogue is this test's data, so an entry added to it is tested by being added.
 */
class CatalogueIT extends AgainstGateway {

    @Test
    void everyEntryEndsAsTheCatalogueSays() {
        Api.Reply catalogue = new Api(base).get("/api/v1/test/scenarios");
        assertEquals(200, catalogue.status(), catalogue::toString);
        List<JsonObject> entries = catalogue.json().getJsonArray("data").getValuesAs(JsonObject.class);
        assertTrue(entries.size() >= 22, catalogue::toString);

        List<String[]> sent = new ArrayList<>();
        for (JsonObject entry : entries) {
            String value = entry.getString("value");
            Api.Reply reply = api.post("/api/v1/payments", request(entry));
            assertEquals(201, reply.status(), () -> entry + " → " + reply);
            if (entry.getString("field").equals("card_number")) {
                assertEquals(entry.getString("card_brand"), reply.json().getString("card_brand"), entry::toString);
            } else if (entry.getString("field").equals("customer_email")) {
                assertEquals(value, reply.json().getString("customer_email"), entry::toString);
            } else {
                assertEquals(
                        value.substring(value.length() - 4), reply.json().getString("iban_last4"), entry::toString);
            }
            if (!entry.getString("field").equals("customer_email")) {
                assertFalse(reply.body().contains(value), reply::toString);
            }
            sent.add(new String[] {reply.json().getString("id"), entry.toString()});
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonObject entry = entries.get(i);
            String id = sent.get(i)[0];
            api.awaitAnswered(id);
            if ("challenge".equals(string(entry, "authentication"))) {
                answerTheChallenge(id, entry);
            }
            JsonObject payment = api.get("/api/v1/payments/" + id).json();
            String what = entry + " → " + payment;
            if (!entry.isNull("authentication")) {
                JsonObject threeDSecure = payment.getJsonObject("three_d_secure");
                assertEquals(entry.getString("authentication"), threeDSecure.getString("flow"), what);
                assertEquals(
                        "failed".equals(entry.getString("status")) && entry.isNull("decline_code")
                                ? "failed"
                                : "authenticated",
                        threeDSecure.getString("result"),
                        what);
            } else {
                assertTrue(payment.isNull("three_d_secure"), what);
            }
            assertEquals(entry.getString("status"), payment.getString("status"), what);
            assertEquals(string(entry, "failure_code"), string(payment, "failure_code"), what);
            assertEquals(string(entry, "decline_code"), string(payment, "decline_code"), what);
            if (entry.getString("status").equals("failed")) {
                assertFalse(payment.isNull("failure_message"), what);
            }
            if (entry.getString("field").equals("iban")) {
                Duration processing = Duration.between(
                        Instant.parse(payment.getString("created_at")), Instant.parse(payment.getString("updated_at")));
                assertTrue(processing.toMillis() >= CLEARING_MS, () -> "cleared after " + processing + ": " + what);
            }
            if (!entry.isNull("refund_status")) {
                assertRefundEnds(id, entry.getString("refund_status"), what);
            }
        }
    }

    /**
     * A card that needs the customer waits for them, with the hosted page's address, until the
     * customer (here, the test API) completes the challenge.
     */
    private void answerTheChallenge(String id, JsonObject entry) {
        JsonObject waiting = api.get("/api/v1/payments/" + id).json();
        assertEquals("requires_action", waiting.getString("status"), () -> entry + " → " + waiting);
        JsonObject redirect = waiting.getJsonObject("next_action").getJsonObject("redirect_to_url");
        assertTrue(redirect.getString("url").contains("/pay/" + id + "/"), waiting::toString);
        Api.Reply answered = api.post("/api/v1/test/payments/" + id + "/authenticate", "{\"result\": \"success\"}");
        assertEquals(200, answered.status(), () -> entry + " → " + answered);
        assertTrue(
                answered.json()
                        .getJsonObject("three_d_secure")
                        .getString("result")
                        .equals("authenticated"),
                answered::toString);
    }

    /** How long the build makes a bank transfer clear (PAYGATE_BANK_TRANSFER_CLEARING_MS in the pom). */
    private static final long CLEARING_MS = Long.parseLong(System.getenv("PAYGATE_BANK_TRANSFER_CLEARING_MS"));

    /** The payment a merchant's checkout would send to trigger {@code entry}. */
    private String request(JsonObject entry) {
        String value = entry.getString("value");
        if (entry.getString("field").equals("iban")) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("merchant_id", merchant);
            fields.put("order_id", Api.order());
            fields.put("amount", new BigDecimal("25.00"));
            fields.put("currency", "EUR");
            fields.put("payment_method", entry.getString("payment_method"));
            fields.put("iban", value.replaceAll("(.{4})", "$1 ").trim());
            return Api.toJson(fields);
        }
        if (entry.getString("field").equals("customer_email")) {
            return Api.toJson(Map.of(
                    "merchant_id",
                    merchant,
                    "order_id",
                    Api.order(),
                    "amount",
                    new BigDecimal("25.00"),
                    "currency",
                    "EUR",
                    "payment_method",
                    "paypal",
                    "customer_email",
                    value));
        }
        assertEquals("card_number", entry.getString("field"), entry::toString);
        return Api.cardPayment(
                merchant,
                "25.00",
                value,
                Map.of(
                        "payment_method",
                        entry.getString("payment_method"),
                        "card_cvv",
                        entry.getString("card_brand").equals("amex") ? "1234" : "123"));
    }

    /** A refund of the whole payment ends as the catalogue says; a failed one leaves it refundable. */
    private void assertRefundEnds(String paymentId, String status, String what) {
        Api.Reply refund = api.post("/api/v1/payments/" + paymentId + "/refund", null);
        assertEquals(202, refund.status(), () -> what + " → " + refund);
        String refundId = refund.json().getString("id");
        JsonObject settled = null;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos(); System.nanoTime() < deadline; ) {
            settled = api.get("/api/v1/refunds/" + refundId).json();
            if (!settled.getString("status").equals("pending")) {
                break;
            }
            Api.sleep(20);
        }
        JsonObject last = settled;
        assertEquals(status, last.getString("status"), () -> what + " → " + last);
        if (status.equals("failed")) {
            assertEquals("expired_or_canceled_card", last.getString("failure_reason"), last::toString);
            JsonObject payment = api.get("/api/v1/payments/" + paymentId).json();
            assertEquals("completed", payment.getString("status"), payment::toString);
            assertEquals("0.00", payment.getJsonNumber("refunded_amount").toString());
            Api.Reply again = api.post("/api/v1/payments/" + paymentId + "/refund", null);
            assertEquals(202, again.status(), () -> "the failed refund's amount is refundable again: " + again);
        } else {
            api.awaitStatus(paymentId, "refunded");
        }
    }

    @Test
    void theCatalogueNeedsNoKey() {
        Api.Reply reply = new Api(base).get("/api/v1/test/scenarios");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("application/json", reply.header("Content-Type").split(";")[0]);
    }

    private static String string(JsonObject o, String field) {
        return o.isNull(field) ? null : o.getString(field);
    }
}
