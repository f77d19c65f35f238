package dev.paygate.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads and writes are limited per key by token buckets. The build raises the gateway's defaults
 * for the other tests; these set their own merchant's limits through the admin API.
 */
class RateLimitIT extends AgainstGateway {

    void limit(int reads, int writes) {
        Api.Reply updated = admin.post(
                "/api/v1/admin/merchants/" + merchant,
                "{\"read_rate_limit\":" + reads + ",\"write_rate_limit\":" + writes + "}");
        assertEquals(200, updated.status(), updated::toString);
    }

    /** Sends reads until one is refused; bounded, so a limiter that never refuses fails the test. */
    Api.Reply readUntilRefused(int atMost) {
        for (int i = 0; i < atMost; i++) {
            Api.Reply reply = api.get("/api/v1/payments");
            if (reply.status() == 429) {
                return reply;
            }
            assertEquals(200, reply.status(), reply::toString);
        }
        throw new AssertionError("no 429 after " + atMost + " reads");
    }

    @Test
    void everyAnswerCarriesTheRateLimitHeaders() {
        limit(5, 5);
        Api.Reply first = api.get("/api/v1/payments");
        assertEquals(200, first.status());
        assertEquals("5", first.header("RateLimit-Limit"));
        int remaining = Integer.parseInt(first.header("RateLimit-Remaining"));
        assertTrue(remaining >= 3 && remaining <= 4, "one of five used: " + remaining);
        assertNotNull(first.header("RateLimit-Reset"));
        Api.Reply created =
                api.post("/api/v1/payments", Api.cardPayment(merchant, "1.00", "4111111111111111", Map.of()));
        assertEquals(201, created.status());
        assertEquals("5", created.header("RateLimit-Limit"), "writes have a bucket of their own");
        Api.Reply notFound = api.get("/api/v1/payments/pay_nothing");
        assertEquals(404, notFound.status());
        assertNotNull(notFound.header("RateLimit-Remaining"), "errors carry the headers too");
    }

    @Test
    void overTheLimitIs429WithRetryAfterAndTheBucketRefills() {
        limit(3, 100);
        Api.Reply refused = readUntilRefused(20);
        assertEquals("rate_limit_error", refused.error().getString("type"));
        assertEquals("rate_limited", refused.error().getString("code"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
        assertEquals("3", refused.header("RateLimit-Limit"));
        assertEquals("0", refused.header("RateLimit-Remaining"));

        assertEquals(
                201,
                api.post("/api/v1/payments", Api.cardPayment(merchant, "1.00", "4111111111111111", Map.of()))
                        .status(),
                "exhausted reads do not hold back writes");

        Api.sleep(retryAfter * 1000 + 100);
        assertEquals(200, api.get("/api/v1/payments").status(), "after Retry-After the bucket has refilled");
    }

    @Test
    void writesAreLimitedAndAnotherKeyOfTheMerchantHasItsOwnBuckets() {
        limit(100, 2);
        String card = "4111111111111111";
        Api.Reply refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            Api.Reply reply = api.post("/api/v1/payments", Api.cardPayment(merchant, "1.00", card, Map.of()));
            if (reply.status() == 429) {
                refused = reply;
            } else {
                assertEquals(201, reply.status(), reply::toString);
            }
        }
        assertNotNull(refused, "no 429 after 20 writes at 2 per second");
        assertEquals("rate_limited", refused.error().getString("code"));
        int before = api.get("/api/v1/payments?limit=100")
                .json()
                .getJsonArray("data")
                .size();
        Api other = api.withKey(issueKey(merchant));
        assertEquals(
                201,
                other.post("/api/v1/payments", Api.cardPayment(merchant, "1.00", card, Map.of()))
                        .status());
        assertEquals(
                before + 1,
                api.get("/api/v1/payments?limit=100")
                        .json()
                        .getJsonArray("data")
                        .size(),
                "a refused write created nothing; the other key's did");
    }

    @Test
    void unauthenticatedRequestsGetNoRateLimitHeaders() {
        Api.Reply refused = api.withKey(null).get("/api/v1/payments");
        assertEquals(401, refused.status());
        assertEquals(null, refused.header("RateLimit-Limit"));
    }
}
