package dev.paygate.refunds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Refunds through the API, settled by the message-driven bean through the real broker. */
class RefundsIT extends AgainstGateway {

    private String completedPayment(String amount) {
        Api.Reply reply = api.post("/api/v1/payments", Api.cardPayment(merchant, amount, "4111111111111111", Map.of()));
        assertEquals(201, reply.status(), reply::toString);
        String id = reply.json().getString("id");
        api.awaitStatus(id, "completed");
        return id;
    }

    private Api.Reply refund(String paymentId, String body) {
        return api.post("/api/v1/payments/" + paymentId + "/refund", body);
    }

    private JsonObject awaitRefund(String refundId, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonObject refund = null;
        while (System.nanoTime() < deadline) {
            refund = api.get("/api/v1/refunds/" + refundId).json();
            if (status.equals(refund.getString("status"))) {
                return refund;
            }
            Api.sleep(20);
        }
        throw new AssertionError("refund " + refundId + " is " + refund);
    }

    @Test
    void partialRefundsAccumulateAndTheLastOneRefundsThePayment() {
        String id = completedPayment("100.00");

        Api.Reply first = refund(id, "{\"amount\": 30.00, \"reason\": \"requested_by_customer\"}");
        assertEquals(202, first.status(), first::toString);
        JsonObject refund = first.json();
        assertTrue(refund.getString("id").startsWith("re_"));
        assertEquals("pending", refund.getString("status"));
        assertEquals("30.00", refund.getJsonNumber("amount").toString());
        assertEquals("requested_by_customer", refund.getString("reason"));
        assertEquals("/api/v1/refunds/" + refund.getString("id"), first.header("Location"));
        awaitRefund(refund.getString("id"), "succeeded");

        JsonObject payment = api.get("/api/v1/payments/" + id).json();
        assertEquals("completed", payment.getString("status"), "a partial refund leaves the payment completed");
        assertEquals("30.00", payment.getJsonNumber("refunded_amount").toString());

        Api.Reply rest = refund(id, null); // no body: everything that is left
        assertEquals(202, rest.status(), rest::toString);
        assertEquals("70.00", rest.json().getJsonNumber("amount").toString());
        awaitRefund(rest.json().getString("id"), "succeeded");

        payment = api.get("/api/v1/payments/" + id).json();
        assertEquals("refunded", payment.getString("status"));
        assertEquals("100.00", payment.getJsonNumber("refunded_amount").toString());

        var refunds = api.get("/api/v1/payments/" + id + "/refunds").array();
        assertEquals(2, refunds.size());
        assertEquals(refund.getString("id"), refunds.getJsonObject(0).getString("id"));

        var transactions = api.get("/api/v1/payments/" + id + "/transactions").array();
        List<String> refundAmounts = transactions.stream()
                .map(t -> t.asJsonObject())
                .filter(t -> t.getString("type").equals("refund"))
                .map(t -> t.getJsonNumber("amount").toString())
                .toList();
        assertEquals(List.of("30.00", "70.00"), refundAmounts);

        Api.Reply more = refund(id, "{\"amount\": 1}");
        assertEquals(409, more.status(), "a refunded payment takes no more refunds: " + more);
    }

    @Test
    void refundOfAnythingButACompletedPaymentIs409() {
        Api.Reply reply =
                api.post("/api/v1/payments", Api.cardPayment(merchant, "10.00", "4000000000000002", Map.of()));
        String declined = reply.json().getString("id");
        api.awaitStatus(declined, "failed");
        Api.Reply refused = refund(declined, null);
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("payment_invalid_state", refused.error().getString("code"));

        String pending = api.post("/api/v1/payments", Api.cardPayment(merchant, "10.00", "4111111111111111", Map.of()))
                .json()
                .getString("id");
        assertEquals(409, refund(pending, null).status());
    }

    @Test
    void refundRequestsAreValidated() {
        String id = completedPayment("50.00");
        Api.Reply tooMuch = refund(id, "{\"amount\": 50.01}");
        assertEquals(400, tooMuch.status(), tooMuch::toString);
        assertEquals("amount", tooMuch.error().getString("param"));
        assertEquals("amount_exceeds_refundable", tooMuch.error().getString("code"));

        assertEquals("amount", refund(id, "{\"amount\": 0}").error().getString("param"));
        assertEquals("amount", refund(id, "{\"amount\": -5}").error().getString("param"));
        assertEquals("amount", refund(id, "{\"amount\": 1.001}").error().getString("param"));
        assertEquals("amount", refund(id, "{\"amount\": \"ten\"}").error().getString("param"));
        assertEquals("foo", refund(id, "{\"foo\": 1}").error().getString("param"));
        assertEquals(400, refund(id, "{\"amount\": ").status());
        Api.Reply notJson = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/payments/" + id + "/refund"))
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("10")));
        assertEquals(415, notJson.status(), notJson::toString);

        assertEquals(404, refund("pay_doesnotexist", null).status());
        assertEquals(404, api.get("/api/v1/refunds/re_doesnotexist").status());
        assertEquals(404, api.get("/api/v1/payments/pay_doesnotexist/refunds").status());

        // nothing of the rejected requests was accepted
        assertEquals(0, api.get("/api/v1/payments/" + id + "/refunds").array().size());
        assertEquals(
                "0.00",
                api.get("/api/v1/payments/" + id)
                        .json()
                        .getJsonNumber("refunded_amount")
                        .toString());
    }

    @Test
    void twentyConcurrentRefundsNeverExceedThePayment() throws Exception {
        String id = completedPayment("100.00");
        int requests = 20;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return refund(id, "{\"amount\": 10.00}");
                }));
            }
            go.countDown();
            int accepted = 0;
            List<String> acceptedIds = new ArrayList<>();
            for (Future<Api.Reply> f : replies) {
                Api.Reply reply = f.get(60, TimeUnit.SECONDS);
                if (reply.status() == 202) {
                    accepted++;
                    acceptedIds.add(reply.json().getString("id"));
                } else {
                    assertTrue(reply.status() >= 400 && reply.status() < 500, reply::toString);
                }
            }
            assertEquals(10, accepted);
            for (String refundId : acceptedIds) {
                awaitRefund(refundId, "succeeded");
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> seen = api.awaitPayment(id, p -> p.getString("status").equals("refunded"), Duration.ofSeconds(20));
        JsonObject payment = api.get("/api/v1/payments/" + id).json();
        assertEquals("100.00", payment.getJsonNumber("refunded_amount").toString(), seen::toString);
        assertEquals(10, api.get("/api/v1/payments/" + id + "/refunds").array().size());
    }

    /** Puts a message of our own on the refund queue, as a redelivery or a broken producer would. */
    private static void sendToRefundQueue(String text) throws Exception {
        var factory = new org.apache.activemq.ActiveMQConnectionFactory(System.getProperty("paygate.it.broker"));
        try (jakarta.jms.Connection connection = factory.createConnection()) {
            jakarta.jms.Session session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("paygate.refunds")).send(session.createTextMessage(text));
        }
    }

    private static boolean deadLettered(String text) throws Exception {
        return queued("ActiveMQ.DLQ", text);
    }

    /** Whether the broker's queue holds a message with this text. */
    private static boolean queued(String queue, String text) throws Exception {
        var factory = new org.apache.activemq.ActiveMQConnectionFactory(System.getProperty("paygate.it.broker"));
        try (jakarta.jms.Connection connection = factory.createConnection()) {
            connection.start();
            jakarta.jms.Session session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
            var messages = session.createBrowser(session.createQueue(queue)).getEnumeration();
            while (messages.hasMoreElements()) {
                if (messages.nextElement() instanceof jakarta.jms.TextMessage m && text.equals(m.getText())) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    void aRedeliveredRefundMessageChangesNothing() throws Exception {
        String id = completedPayment("100.00");
        Api.Reply reply = refund(id, "{\"amount\": 40.00}");
        assertEquals(202, reply.status(), reply::toString);
        String refundId = reply.json().getString("id");
        JsonObject settled = awaitRefund(refundId, "succeeded");

        String duplicate = "{\"refund_id\":\"" + refundId + "\"}";
        sendToRefundQueue(duplicate);
        sendToRefundQueue(duplicate);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (queued("paygate.refunds", duplicate)) {
            assertTrue(System.nanoTime() < deadline, "the listener never took the redelivered messages");
            Api.sleep(50);
        }
        Api.sleep(300); // let the listener's transaction finish
        assertTrue(!deadLettered(duplicate), "a redelivery of a settled refund is not a failure");

        JsonObject payment = api.get("/api/v1/payments/" + id).json();
        assertEquals("40.00", payment.getJsonNumber("refunded_amount").toString());
        assertEquals("completed", payment.getString("status"));
        assertEquals(
                settled.getString("updated_at"),
                api.get("/api/v1/refunds/" + refundId).json().getString("updated_at"));
        long refundTransactions = api.get("/api/v1/payments/" + id + "/transactions").array().stream()
                .filter(t -> t.asJsonObject().getString("type").equals("refund"))
                .count();
        assertEquals(1, refundTransactions);
    }

    @Test
    void aMessageThatKeepsFailingEndsInTheDeadLetterQueue() throws Exception {
        String poison = "{\"refund_id\":\"re_" + java.util.UUID.randomUUID() + "\"}";
        sendToRefundQueue(poison);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!deadLettered(poison)) {
            assertTrue(System.nanoTime() < deadline, "the failing message never reached ActiveMQ.DLQ");
            Api.sleep(250);
        }
        // and the listener still works for good messages afterwards
        String id = completedPayment("10.00");
        Api.Reply reply = refund(id, null);
        assertEquals(202, reply.status(), reply::toString);
        awaitRefund(reply.json().getString("id"), "succeeded");
    }
}
