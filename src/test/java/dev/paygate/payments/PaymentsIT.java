package dev.paygate.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Payments through the public API of the packaged WAR on Payara Micro and PostgreSQL. */
class PaymentsIT extends AgainstGateway {

    static final String VISA = "4111111111111111";

    private JsonObject create(String card) {
        Api.Reply reply = api.post("/api/v1/payments", Api.cardPayment(merchant, "100.00", card, Map.of()));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    @Test
    void createdPaymentIsPendingWithLocationAndNoCardSecrets() {
        Api.Reply reply = api.post(
                "/api/v1/payments",
                Api.cardPayment(merchant, "100.00", "4111 1111 1111 1111", Map.of("currency", "usd")));
        assertEquals(201, reply.status(), reply::toString);
        JsonObject payment = reply.json();
        String id = payment.getString("id");
        assertTrue(id.startsWith("pay_"), id);
        assertEquals("/api/v1/payments/" + id, reply.header("Location"));
        assertEquals("pending", payment.getString("status"));
        assertEquals("USD", payment.getString("currency"));
        assertEquals("100.00", payment.getJsonNumber("amount").toString());
        assertEquals("0.00", payment.getJsonNumber("refunded_amount").toString());
        assertEquals("visa", payment.getString("card_brand"));
        assertEquals("1111", payment.getString("card_last4"));
        assertEquals(merchant, payment.getString("merchant_id"));
        assertTrue(payment.getString("created_at").endsWith("Z"), payment.getString("created_at"));
        assertFalse(reply.body().contains("4111111111111111") || reply.body().contains("4111 1111 1111 1111"));
        assertFalse(payment.containsKey("card_number") || payment.containsKey("card_cvv"), reply.body());

        Api.Reply fetched = api.get(reply.header("Location"));
        assertEquals(200, fetched.status());
        assertEquals(id, fetched.json().getString("id"));
    }

    @Test
    void approvedCardGoesThroughProcessingToCompletedAndRecordsEachStep() {
        String id = create(VISA).getString("id");
        List<String> seen = api.awaitStatus(id, "completed");
        assertEquals("pending", seen.get(0), seen::toString);
        assertEquals("completed", seen.get(seen.size() - 1));
        assertFalse(seen.contains("failed"), seen::toString);

        var transactions = api.get("/api/v1/payments/" + id + "/transactions").array();
        assertEquals(3, transactions.size(), transactions::toString);
        List<String> statuses = transactions.stream()
                .map(t -> t.asJsonObject().getString("status"))
                .toList();
        assertEquals(List.of("pending", "processing", "succeeded"), statuses);
        for (var t : transactions) {
            JsonObject txn = t.asJsonObject();
            assertEquals("charge", txn.getString("type"));
            assertTrue(txn.getString("id").startsWith("txn_"));
            assertEquals("100.00", txn.getJsonNumber("amount").toString());
            assertEquals("USD", txn.getString("currency"));
            assertNotNull(txn.getString("gateway_transaction_id"));
            assertNotNull(txn.getString("created_at"));
        }
        assertEquals("00", transactions.getJsonObject(2).getString("response_code"));
        // The acquirer's delays (500 ms in its queue, then 300 ms processing, in this build's
        // configuration) count from acceptance, and no step comes early.
        Instant accepted = Instant.parse(transactions.getJsonObject(0).getString("created_at"));
        Instant pickedUp = Instant.parse(transactions.getJsonObject(1).getString("created_at"));
        Instant answered = Instant.parse(transactions.getJsonObject(2).getString("created_at"));
        assertFalse(pickedUp.isBefore(accepted.plusMillis(500)), () -> accepted + " then " + pickedUp);
        assertFalse(answered.isBefore(accepted.plusMillis(800)), () -> accepted + " then " + answered);
    }

    @Test
    void paymentsAcceptedTogetherEachGetTheirCardsAnswerWithEveryStepInOrder() throws Exception {
        // Accepted at once, their pick-ups and then their answers fall due together, and the acquirer
        // takes those that are due together in one transaction: one payment's answer must never land
        // on another, nor a step be lost or come early.
        int count = 60;
        ExecutorService clients = Executors.newFixedThreadPool(12);
        Map<String, String> cardOf = new HashMap<>();
        try {
            List<Future<Map.Entry<String, String>>> accepted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String card = i % 3 == 0 ? "4000000000000002" : VISA;
                accepted.add(clients.submit(() -> Map.entry(create(card).getString("id"), card)));
            }
            for (Future<Map.Entry<String, String>> payment : accepted) {
                Map.Entry<String, String> idAndCard = payment.get(30, TimeUnit.SECONDS);
                cardOf.put(idAndCard.getKey(), idAndCard.getValue());
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(count, cardOf.size());

        for (Map.Entry<String, String> payment : cardOf.entrySet()) {
            String id = payment.getKey();
            boolean approved = payment.getValue().equals(VISA);
            api.awaitPayment(
                    id, p -> !List.of("pending", "processing").contains(p.getString("status")), Duration.ofSeconds(30));
            JsonObject settled = api.get("/api/v1/payments/" + id).json();
            assertEquals(approved ? "completed" : "failed", settled.getString("status"), settled::toString);

            var transactions =
                    api.get("/api/v1/payments/" + id + "/transactions").array();
            List<String> statuses = transactions.stream()
                    .map(t -> t.asJsonObject().getString("status"))
                    .toList();
            assertEquals(List.of("pending", "processing", approved ? "succeeded" : "failed"), statuses, id);
            Instant accepted = Instant.parse(transactions.getJsonObject(0).getString("created_at"));
            Instant pickedUp = Instant.parse(transactions.getJsonObject(1).getString("created_at"));
            Instant answered = Instant.parse(transactions.getJsonObject(2).getString("created_at"));
            assertFalse(pickedUp.isBefore(accepted.plusMillis(500)), () -> id + ": " + accepted + " then " + pickedUp);
            assertFalse(answered.isBefore(accepted.plusMillis(800)), () -> id + ": " + accepted + " then " + answered);
        }
    }

    @Test
    void statusGoesThroughProcessingVisibly() {
        String id = create(VISA).getString("id");
        List<String> seen = api.awaitStatus(id, "completed");
        assertEquals(List.of("pending", "processing", "completed"), seen);
    }

    @Test
    void genericDeclineCardFails() {
        String id = create("4000000000000002").getString("id");
        api.awaitStatus(id, "failed");
        JsonObject payment = api.get("/api/v1/payments/" + id).json();
        assertEquals("card_declined", payment.getString("failure_code"));
        assertEquals("generic_decline", payment.getString("decline_code"));
        assertFalse(payment.getString("failure_message").isBlank());
        var transactions = api.get("/api/v1/payments/" + id + "/transactions").array();
        assertEquals(
                "failed", transactions.getJsonObject(transactions.size() - 1).getString("status"));
    }

    @Test
    void insufficientFundsCardFails() {
        String id = create("4000000000009995").getString("id");
        api.awaitStatus(id, "failed");
        JsonObject payment = api.get("/api/v1/payments/" + id).json();
        assertEquals("card_declined", payment.getString("failure_code"));
        assertEquals("insufficient_funds", payment.getString("decline_code"));
    }

    @Test
    void expiredCardFailsWithExpiredCard() {
        Api.Reply reply = api.post(
                "/api/v1/payments",
                Api.cardPayment(merchant, "10.00", VISA, Map.of("card_expiry_month", 12, "card_expiry_year", 2025)));
        assertEquals(201, reply.status(), reply::toString);
        String id = reply.json().getString("id");
        api.awaitStatus(id, "failed");
        JsonObject payment = api.get("/api/v1/payments/" + id).json();
        assertEquals("expired_card", payment.getString("failure_code"));
    }

    @Test
    void paypalAndBankTransferCompleteWithoutCardFields() {
        for (String method : List.of("paypal", "bank_transfer")) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("merchant_id", merchant);
            fields.put("order_id", Api.order());
            fields.put("amount", new java.math.BigDecimal("42.50"));
            fields.put("currency", "EUR");
            fields.put("payment_method", method);
            Api.Reply reply = api.post("/api/v1/payments", Api.toJson(fields));
            assertEquals(201, reply.status(), reply::toString);
            String id = reply.json().getString("id");
            api.awaitStatus(id, "completed");
            JsonObject payment = api.get("/api/v1/payments/" + id).json();
            assertEquals(method, payment.getString("payment_method"));
            assertTrue(payment.isNull("card_last4"));
        }
    }

    @Test
    void unknownPaymentIs404InTheErrorShape() {
        Api.Reply reply = api.get("/api/v1/payments/pay_doesnotexist");
        assertEquals(404, reply.status());
        assertEquals("resource_missing", reply.error().getString("code"));
        assertEquals("invalid_request_error", reply.error().getString("type"));
    }

    @Test
    void pendingPaymentCanBeCancelledOnceAndOnlyWhilePending() {
        String id = create(VISA).getString("id");
        Api.Reply cancelled = api.post("/api/v1/payments/" + id + "/cancel", null);
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("cancelled", cancelled.json().getString("status"));
        Api.sleep(1200); // longer than the queue and processing delays: the acquirer must not touch it
        assertEquals("cancelled", api.get("/api/v1/payments/" + id).json().getString("status"));
        var types = api.get("/api/v1/payments/" + id + "/transactions").array().stream()
                .map(t -> t.asJsonObject().getString("type"))
                .toList();
        assertEquals("void", types.get(types.size() - 1), types::toString);

        Api.Reply again = api.post("/api/v1/payments/" + id + "/cancel", null);
        assertEquals(409, again.status());
        assertEquals("payment_invalid_state", again.error().getString("code"));

        String completed = create(VISA).getString("id");
        api.awaitStatus(completed, "completed");
        assertEquals(
                409, api.post("/api/v1/payments/" + completed + "/cancel", null).status());
    }

    @Test
    void listIsNewestFirstWithKeysetPagesAndStatusFilter() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(VISA).getString("id"));
        }
        String declined = create("4000000000000002").getString("id");
        ids.add(declined);
        api.awaitStatus(declined, "failed");
        List<String> newestFirst = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);

        List<String> pagedIds = new java.util.ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            Api.Reply page = api.get("/api/v1/payments?merchant_id=" + merchant + "&limit=2"
                    + (after == null ? "" : "&starting_after=" + after));
            assertEquals(200, page.status(), page::toString);
            var data = page.json().getJsonArray("data");
            assertTrue(data.size() <= 2);
            data.forEach(p -> pagedIds.add(p.asJsonObject().getString("id")));
            pages++;
            if (!page.json().getBoolean("has_more")) {
                break;
            }
            after = pagedIds.get(pagedIds.size() - 1);
            assertTrue(pages < 10);
        }
        assertEquals(newestFirst, pagedIds);
        assertEquals(3, pages);

        var failed = api.get("/api/v1/payments?merchant_id=" + merchant + "&status=failed")
                .json()
                .getJsonArray("data");
        assertEquals(1, failed.size());
        assertEquals(declined, failed.getJsonObject(0).getString("id"));

        var own = api.get("/api/v1/payments?limit=100").json();
        assertEquals(
                newestFirst,
                own.getJsonArray("data").stream()
                        .map(p -> p.asJsonObject().getString("id"))
                        .toList(),
                "merchant_id may be left out");
        assertFalse(own.getBoolean("has_more"));
    }

    @Test
    void listRejectsBadParameters() {
        assertEquals(
                "limit",
                api.get("/api/v1/payments?merchant_id=" + merchant + "&limit=0")
                        .error()
                        .getString("param"));
        assertEquals(
                "limit",
                api.get("/api/v1/payments?merchant_id=" + merchant + "&limit=101")
                        .error()
                        .getString("param"));
        assertEquals(
                "limit",
                api.get("/api/v1/payments?merchant_id=" + merchant + "&limit=x")
                        .error()
                        .getString("param"));
        assertEquals(
                "status",
                api.get("/api/v1/payments?merchant_id=" + merchant + "&status=nope")
                        .error()
                        .getString("param"));
        assertEquals(
                "starting_after",
                api.get("/api/v1/payments?starting_after=pay_nope").error().getString("param"));
    }
}
