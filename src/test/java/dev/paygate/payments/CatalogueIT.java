package dev.paygate.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
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
            assertEquals("card_number", entry.getString("field"), entry::toString);
            String number = entry.getString("value");
            Api.Reply reply = api.post(
                    "/api/v1/payments",
                    Api.cardPayment(
                            merchant,
                            "25.00",
                            number,
                            Map.of(
                                    "payment_method",
                                    entry.getString("payment_method"),
                                    "card_cvv",
                                    entry.getString("card_brand").equals("amex") ? "1234" : "123")));
            assertEquals(201, reply.status(), () -> entry + " → " + reply);
            assertEquals(entry.getString("card_brand"), reply.json().getString("card_brand"), entry::toString);
            assertFalse(reply.body().contains(number), reply::toString);
            sent.add(new String[] {reply.json().getString("id"), entry.toString()});
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonObject entry = entries.get(i);
            String id = sent.get(i)[0];
            api.awaitPayment(
                    id,
                    p -> !p.getString("status").equals("pending")
                            && !p.getString("status").equals("processing"),
                    Duration.ofSeconds(20));
            JsonObject payment = api.get("/api/v1/payments/" + id).json();
            String what = entry + " → " + payment;
            assertEquals(entry.getString("status"), payment.getString("status"), what);
            assertEquals(string(entry, "failure_code"), string(payment, "failure_code"), what);
            assertEquals(string(entry, "decline_code"), string(payment, "decline_code"), what);
            if (entry.getString("status").equals("failed")) {
                assertFalse(payment.isNull("failure_message"), what);
            }
            assertEquals(
                    entry.getString("value").substring(entry.getString("value").length() - 4),
                    payment.getString("card_last4"),
                    what);
            if (!entry.isNull("refund_status")) {
                assertRefundEnds(id, entry.getString("refund_status"), what);
            }
        }
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
