package dev.paygate.events;

import static dev.paygate.events.WebhooksIT.await;
import static dev.paygate.events.WebhooksIT.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import dev.paygate.it.Receiver;
import dev.paygate.it.TestDatabase;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Events are kept for PAYGATE_EVENT_RETENTION_DAYS (30) and then forgotten with their deliveries
 * and attempts. The test makes a payment's events 31 days old in the database; the gateway's
 * periodic purge (every 2 s in the build) removes them, and keeps a newer payment's.
 */
class EventRetentionIT extends AgainstGateway {

    @Test
    void eventsPastTheirRetentionAreForgottenWithTheirDeliveries() throws SQLException {
        try (Receiver receiver = new Receiver()) {
            forgetsTheOldAndKeepsTheNew(WebhooksIT.endpoint(api, receiver).getString("id"));
        }
    }

    private void forgetsTheOldAndKeepsTheNew(String endpoint) throws SQLException {
        String old = paid();
        api.awaitStatus(old, "completed");
        List<String> oldEvents = eventIds(old);
        assertEquals(3, oldEvents.size(), oldEvents::toString);
        await(
                "the old payment's three deliveries made",
                () -> WebhooksIT.endpointDeliveries(api, endpoint).stream()
                        .filter(d -> oldEvents.contains(d.getString("event_id")))
                        .filter(d -> d.getString("status").equals("succeeded"))
                        .count(),
                n -> n == 3,
                Duration.ofSeconds(20));
        backdate(oldEvents);
        String recent = paid();
        api.awaitStatus(recent, "completed");

        await("the old payment's events forgotten", () -> eventIds(old), List::isEmpty, Duration.ofSeconds(20));
        for (String id : oldEvents) {
            Api.Reply gone = api.get("/api/v1/events/" + id);
            assertEquals(404, gone.status(), gone::toString);
        }
        assertEquals(3, eventIds(recent).size(), "the recent payment's events are kept");
        List<JsonObject> deliveries = WebhooksIT.endpointDeliveries(api, endpoint);
        assertTrue(
                deliveries.stream().noneMatch(d -> oldEvents.contains(d.getString("event_id"))), deliveries::toString);
        assertTrue(
                deliveries.stream().anyMatch(d -> eventIds(recent).contains(d.getString("event_id"))),
                deliveries::toString);
    }

    private String paid() {
        Api.Reply created =
                api.post("/api/v1/payments", Api.cardPayment(merchant, "10.00", "4242424242424242", Map.of()));
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    private List<String> eventIds(String paymentId) {
        return events(api, "").stream()
                .filter(e -> e.getJsonObject("data")
                        .getJsonObject("object")
                        .getString("id")
                        .equals(paymentId))
                .map(e -> e.getString("id"))
                .toList();
    }

    /** Makes the events, their deliveries and attempts 31 days old, as if written then. */
    private static void backdate(List<String> eventIds) throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            for (String sql : List.of(
                    "UPDATE webhook_attempts SET attempted_at = attempted_at - INTERVAL '31 days' WHERE delivery_id IN"
                            + " (SELECT id FROM webhook_deliveries WHERE event_id = ?)",
                    "UPDATE webhook_deliveries SET created_at = created_at - INTERVAL '31 days' WHERE event_id = ?",
                    "UPDATE events SET created_at = created_at - INTERVAL '31 days' WHERE id = ?")) {
                try (PreparedStatement update = db.prepareStatement(sql)) {
                    for (String id : eventIds) {
                        update.setString(1, id);
                        update.executeUpdate();
                    }
                }
            }
        }
    }
}
