package dev.paygate.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import dev.paygate.it.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Retrying a POST with the same Idempotency-Key never does it twice. */
class IdempotencyIT extends AgainstGateway {

    static final String VISA = "4111111111111111";

    Api.Reply post(Api as, String path, String key, String body) {
        return as.post(path, body, key);
    }

    static String key() {
        return "order-" + UUID.randomUUID();
    }

    int paymentCount() {
        return api.get("/api/v1/payments?limit=100").json().getJsonArray("data").size();
    }

    @Test
    void aRetryGetsTheFirstAnswerAndCreatesNothing() {
        String key = key();
        String body = Api.cardPayment(merchant, "42.00", VISA, Map.of());
        Api.Reply first = post(api, "/api/v1/payments", key, body);
        assertEquals(201, first.status(), first::toString);
        assertNull(first.header("Idempotent-Replayed"));

        Api.Reply again = post(api, "/api/v1/payments", key, body);
        assertEquals(201, again.status(), again::toString);
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.body(), again.body(), "the stored answer, byte for byte");
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(1, paymentCount());

        // The same request with its fields in another order and other spacing is the same request.
        jakarta.json.JsonObject json = first.json();
        String reordered = "{ \"currency\" : \"USD\", " + body.substring(1).replace("\"currency\":\"USD\",", "");
        Api.Reply third = post(api, "/api/v1/payments", key, reordered);
        assertEquals("true", third.header("Idempotent-Replayed"), third::toString);
        assertEquals(json.getString("id"), third.json().getString("id"));
        assertEquals(1, paymentCount());
    }

    @Test
    void theSameKeyWithAnotherRequestIs422AndChangesNothing() {
        String key = key();
        String body = Api.cardPayment(merchant, "42.00", VISA, Map.of());
        assertEquals(201, post(api, "/api/v1/payments", key, body).status());
        Api.Reply other = post(api, "/api/v1/payments", key, body.replace("42.0", "43.0"));
        assertEquals(422, other.status(), other::toString);
        assertEquals("idempotency_error", other.error().getString("type"));
        assertEquals("idempotency_key_reused", other.error().getString("code"));
        String payment = api.get("/api/v1/payments")
                .json()
                .getJsonArray("data")
                .getJsonObject(0)
                .getString("id");
        Api.Reply otherPath = post(api, "/api/v1/payments/" + payment + "/cancel", key, null);
        assertEquals(422, otherPath.status(), "another path is another request: " + otherPath);
        assertEquals(1, paymentCount());
        assertNotEquals(
                "cancelled", api.get("/api/v1/payments/" + payment).json().getString("status"));
    }

    @Test
    void aRequestThatFailsValidationKeepsNothingSoTheKeyCanBeUsedForTheFixedOne() {
        String key = key();
        Api.Reply invalid = post(api, "/api/v1/payments", key, Api.cardPayment(merchant, "-1", VISA, Map.of()));
        assertEquals(400, invalid.status());
        Api.Reply fixed = post(api, "/api/v1/payments", key, Api.cardPayment(merchant, "1.00", VISA, Map.of()));
        assertEquals(201, fixed.status(), fixed::toString);
        assertNull(fixed.header("Idempotent-Replayed"));

        Api.Reply tooLong =
                post(api, "/api/v1/payments", "k".repeat(256), Api.cardPayment(merchant, "1.00", VISA, Map.of()));
        assertEquals(400, tooLong.status());
        assertEquals("Idempotency-Key", tooLong.error().getString("param"));
        assertEquals(1, paymentCount());
    }

    @Test
    void keysBelongToTheirMerchant() {
        String key = key();
        assertEquals(
                201,
                post(api, "/api/v1/payments", key, Api.cardPayment(merchant, "3.00", VISA, Map.of()))
                        .status());
        String otherId = Api.merchant();
        Api other = api.withKey(createMerchant(otherId));
        Api.Reply theirs = post(other, "/api/v1/payments", key, Api.cardPayment(otherId, "3.00", VISA, Map.of()));
        assertEquals(201, theirs.status(), theirs::toString);
        assertNull(theirs.header("Idempotent-Replayed"), "another merchant's key of the same name is another key");
        assertEquals(otherId, theirs.json().getString("merchant_id"));
    }

    @Test
    void refundsAndErrorsReplayToo() {
        String payment = post(api, "/api/v1/payments", key(), Api.cardPayment(merchant, "50.00", VISA, Map.of()))
                .json()
                .getString("id");
        api.awaitStatus(payment, "completed");
        String key = key();
        Api.Reply refund = post(api, "/api/v1/payments/" + payment + "/refund", key, "{\"amount\": 5.00}");
        assertEquals(202, refund.status(), refund::toString);
        Api.Reply again = post(api, "/api/v1/payments/" + payment + "/refund", key, "{\"amount\": 5.00}");
        assertEquals(202, again.status());
        assertEquals(refund.json().getString("id"), again.json().getString("id"));
        assertEquals(
                1, api.get("/api/v1/payments/" + payment + "/refunds").array().size());

        String cancelKey = key();
        Api.Reply conflict = post(api, "/api/v1/payments/" + payment + "/cancel", cancelKey, null);
        assertEquals(409, conflict.status());
        Api.Reply replayed = post(api, "/api/v1/payments/" + payment + "/cancel", cancelKey, null);
        assertEquals(409, replayed.status());
        assertEquals("true", replayed.header("Idempotent-Replayed"), "an error answer is kept and replayed too");
        assertEquals(conflict.body(), replayed.body());
    }

    @Test
    void whileTheFirstRequestRunsTheSameKeyIs409ThenItReplays() throws Exception {
        String payment = post(api, "/api/v1/payments", key(), Api.cardPayment(merchant, "20.00", VISA, Map.of()))
                .json()
                .getString("id");
        api.awaitStatus(payment, "completed");
        String key = key();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection db = TestDatabase.connect()) {
            // Hold the payment's row lock, so the first refund request waits inside the gateway.
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement("SELECT id FROM payments WHERE id = ? FOR UPDATE")) {
                lock.setString(1, payment);
                lock.executeQuery();
            }
            Future<Api.Reply> first =
                    pool.submit(() -> post(api, "/api/v1/payments/" + payment + "/refund", key, null));
            Api.Reply busy = null;
            for (int i = 0; i < 100 && (busy == null || busy.status() != 409); i++) {
                Api.sleep(50);
                busy = post(api, "/api/v1/payments/" + payment + "/refund", key, null);
            }
            assertEquals(409, busy.status(), busy::toString);
            assertEquals("idempotency_key_in_use", busy.error().getString("code"));
            db.rollback();
            Api.Reply done = first.get(30, TimeUnit.SECONDS);
            assertEquals(202, done.status(), done::toString);
            Api.Reply replay = post(api, "/api/v1/payments/" + payment + "/refund", key, null);
            assertEquals("true", replay.header("Idempotent-Replayed"));
            assertEquals(done.json().getString("id"), replay.json().getString("id"));
            assertEquals(
                    1,
                    api.get("/api/v1/payments/" + payment + "/refunds").array().size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHundredConcurrentIdenticalRequestsCreateExactlyOnePayment() throws Exception {
        String key = key();
        String body = Api.cardPayment(merchant, "99.00", VISA, Map.of());
        int n = 100;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return post(api, "/api/v1/payments", key, body);
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            int created = 0;
            int inUse = 0;
            for (Future<Api.Reply> f : replies) {
                Api.Reply reply = f.get(60, TimeUnit.SECONDS);
                if (reply.status() == 201) {
                    created++;
                    ids.add(reply.json().getString("id"));
                } else {
                    assertEquals(409, reply.status(), reply::toString);
                    assertEquals("idempotency_key_in_use", reply.error().getString("code"));
                    inUse++;
                }
            }
            assertEquals(n, created + inUse);
            assertEquals(1, ids.size(), "every 201 is the one original payment");
            assertEquals(1, paymentCount(), "exactly one payment exists");
            assertTrue(created >= 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExpiredKeyIsFreeAgain() throws Exception {
        String key = key();
        assertEquals(
                201,
                post(api, "/api/v1/payments", key, Api.cardPayment(merchant, "7.00", VISA, Map.of()))
                        .status());
        try (Connection db = TestDatabase.connect();
                PreparedStatement expire =
                        db.prepareStatement("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' "
                                + "WHERE scope = ? AND idempotency_key = ?")) {
            expire.setString(1, merchant);
            expire.setString(2, key);
            assertEquals(1, expire.executeUpdate());
        }
        Api.Reply fresh = post(api, "/api/v1/payments", key, Api.cardPayment(merchant, "8.00", VISA, Map.of()));
        assertEquals(201, fresh.status(), "past its retention the key starts over: " + fresh);
        assertNull(fresh.header("Idempotent-Replayed"));
        assertEquals(2, paymentCount());
    }

    @Test
    void expiredKeysArePurgedAndLiveOnesKept() throws Exception {
        String expired = key();
        String live = key();
        String liveBody = Api.cardPayment(merchant, "7.00", VISA, Map.of());
        assertEquals(
                201,
                post(api, "/api/v1/payments", expired, Api.cardPayment(merchant, "7.00", VISA, Map.of()))
                        .status());
        assertEquals(201, post(api, "/api/v1/payments", live, liveBody).status());
        try (Connection db = TestDatabase.connect()) {
            try (PreparedStatement expire =
                    db.prepareStatement("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' "
                            + "WHERE scope = ? AND idempotency_key = ?")) {
                expire.setString(1, merchant);
                expire.setString(2, expired);
                assertEquals(1, expire.executeUpdate());
            }
            // The build runs the purge every 2 seconds (PAYGATE_IDEMPOTENCY_PURGE_INTERVAL_SECONDS).
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
            while (count(db, expired) > 0 && java.time.Instant.now().isBefore(deadline)) {
                Api.sleep(200);
            }
            assertEquals(0, count(db, expired), "the expired key was purged");
            assertEquals(1, count(db, live), "a key within its retention is kept");
        }
        assertEquals("true", post(api, "/api/v1/payments", live, liveBody).header("Idempotent-Replayed"));
    }

    private int count(Connection db, String key) throws java.sql.SQLException {
        try (PreparedStatement q =
                db.prepareStatement("SELECT count(*) FROM idempotency_keys WHERE scope = ? AND idempotency_key = ?")) {
            q.setString(1, merchant);
            q.setString(2, key);
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
