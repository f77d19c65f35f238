package dev.paygate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A running gateway's PostgreSQL database stops taking connections and ends the ones it has, then
 * comes back, as a restarted or failed-over database would. What a client must see, on every
 * server: health 503 and a 503 {@code database_unavailable} with Retry-After for a read and a
 * create (no stale answer, no 500), then, without a restart, health 200 again and the create's
 * retry with the same Idempotency-Key creating the payment once.
 */
public final class DatabaseOutage {

    /** How long the gateway may take to notice that the database is back. */
    static final Duration RECOVERY = Duration.ofSeconds(30);

    private DatabaseOutage() {}

    /**
     * Runs the outage on {@code database} through {@code admin} (a connection to another database
     * of the same server). {@code api} is {@code merchant}'s, and {@code paymentId} one of its
     * payments, which must read back the same afterwards. Returns the reference of each refused request, in order, to find in the
     * server's log.
     */
    public static List<String> exercise(Api api, Statement admin, String database, String merchant, String paymentId)
            throws SQLException {
        List<String> references = new ArrayList<>();
        String before = api.get("/api/v1/payments/" + paymentId).body();
        admin.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        Api.Reply down = api.get("/api/v1/health");
        assertEquals(503, down.status(), down::toString);
        JsonObject checks = down.json().getJsonObject("checks");
        assertEquals("down", checks.getJsonObject("database").getString("status"));
        assertEquals("up", checks.getJsonObject("broker").getString("status"));
        // No stale answers while it is down: a 503 that says to retry, whether the server's pool
        // hands out a connection the database ended or cannot make a new one.
        for (int i = 0; i < 3; i++) {
            references.add(refused(api.get("/api/v1/payments/" + paymentId)));
            Api.sleep(300);
        }
        String order = Api.cardPayment(merchant, "7.00", "4111111111111111", Map.of());
        String key = "checkout-" + paymentId;
        references.add(refused(api.post("/api/v1/payments", order, key)));

        admin.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
        Instant deadline = Instant.now().plus(RECOVERY);
        Api.Reply health = api.get("/api/v1/health");
        while (health.status() != 200 && Instant.now().isBefore(deadline)) {
            Api.sleep(250);
            health = api.get("/api/v1/health");
        }
        assertEquals(
                200, health.status(), "health recovers within " + RECOVERY + " once the database is back: " + health);
        Api.Reply payment = api.get("/api/v1/payments/" + paymentId);
        assertEquals(200, payment.status(), payment::toString);
        assertEquals(before, payment.body());
        // The retry the 503 asked for creates the payment, once.
        Api.Reply accepted = api.post("/api/v1/payments", order, key);
        assertEquals(201, accepted.status(), accepted::toString);
        assertEquals(null, accepted.header("Idempotent-Replayed"));
        Api.Reply replayed = api.post("/api/v1/payments", order, key);
        assertEquals("true", replayed.header("Idempotent-Replayed"), replayed::toString);
        assertEquals(accepted.json().getString("id"), replayed.json().getString("id"));
        return references;
    }

    /**
     * Checks the server's log after an outage: each refused request logged once, as a one-line
     * warning without a stack trace under the reference its answer gave, and nothing logged as an
     * unexpected error.
     */
    public static void assertLoggedOnceEach(Path log, List<String> references) throws IOException {
        String text = Files.readString(log);
        String warning = "The database is unreachable (reference ";
        assertEquals(references.size(), text.split(Pattern.quote(warning), -1).length - 1, "see " + log);
        for (String reference : references) {
            String[] around = text.split(Pattern.quote(warning + reference + ")"), -1);
            assertEquals(2, around.length, reference + ", see " + log);
            String[] after = around[1].split("\\R", 3);
            assertFalse(
                    after.length > 1 && after[1].trim().startsWith("at "),
                    "a stack trace after " + reference + ", see " + log);
        }
        assertFalse(text.contains("Unexpected error"), "see " + log);
    }

    /** Checks that {@code reply} is the database's 503; returns its reference. */
    private static String refused(Api.Reply reply) {
        assertEquals(503, reply.status(), reply::toString);
        assertEquals("database_unavailable", reply.error().getString("code"), reply::toString);
        assertEquals("1", reply.header("Retry-After"), reply::toString);
        return reply.error().getString("message").replaceAll(".*\\(reference ([^)]+)\\).*", "$1");
    }
}
