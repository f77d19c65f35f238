package dev.paygate.merchants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin API, authentication on every endpoint, and one merchant never reaching another's objects. */
class MerchantsIT extends AgainstGateway {

    static final String VISA = "4111111111111111";

    @Test
    void theAdminApiManagesMerchantsAndShowsASecretOnlyOnce() {
        Api.Reply created = admin.post(
                "/api/v1/admin/merchants", "{\"name\":\"Acme\",\"webhook_url\":\"https://acme.example/hooks\"}");
        assertEquals(201, created.status(), created::toString);
        JsonObject made = created.json();
        String id = made.getString("id");
        assertTrue(id.startsWith("merchant_"), id);
        assertEquals("active", made.getString("status"));
        assertEquals("https://acme.example/hooks", made.getString("webhook_url"));
        assertEquals("/api/v1/admin/merchants/" + id, created.header("Location"));
        assertEquals("Acme", admin.get("/api/v1/admin/merchants/" + id).json().getString("name"));

        Api.Reply updated = admin.post(
                "/api/v1/admin/merchants/" + id, "{\"name\":\"Acme Ltd\",\"webhook_url\":\"\",\"write_rate_limit\":7}");
        assertEquals(200, updated.status(), updated::toString);
        assertEquals("Acme Ltd", updated.json().getString("name"));
        assertTrue(updated.json().isNull("webhook_url"));
        assertEquals(7, updated.json().getInt("write_rate_limit"));
        assertTrue(updated.json().isNull("read_rate_limit"));

        Api.Reply key = admin.post("/api/v1/admin/merchants/" + id + "/keys", null);
        assertEquals(201, key.status(), key::toString);
        String secret = key.json().getString("secret");
        assertTrue(secret.matches("sk_test_[A-Za-z0-9]{32,}"), secret);
        assertTrue(secret.startsWith(key.json().getString("display_prefix")));
        Api.Reply keys = admin.get("/api/v1/admin/merchants/" + id + "/keys");
        assertEquals(1, keys.array().size());
        assertFalse(keys.body().contains(secret), "a listing never shows the secret");
        assertTrue(keys.array().getJsonObject(0).isNull("secret"));

        assertEquals(
                409,
                admin.post("/api/v1/admin/merchants", "{\"id\":\"" + id + "\",\"name\":\"Again\"}")
                        .status());
        Api.Reply badUrl = admin.post("/api/v1/admin/merchants", "{\"name\":\"X\",\"webhook_url\":\"ftp://x\"}");
        assertEquals("webhook_url", badUrl.error().getString("param"), badUrl::toString);
        assertEquals("name", admin.post("/api/v1/admin/merchants", "{}").error().getString("param"));
        assertEquals(404, admin.get("/api/v1/admin/merchants/nobody_here").status());
        assertEquals(
                404,
                admin.post("/api/v1/admin/merchants/nobody_here/keys", null).status());

        String justBefore = merchant.substring(0, merchant.length() - 1);
        Api.Reply page = admin.get("/api/v1/admin/merchants?limit=1&starting_after=" + justBefore);
        assertEquals(
                merchant,
                page.json().getJsonArray("data").getJsonObject(0).getString("id"),
                "the list pages through merchants in id order");
        assertEquals(
                "limit", admin.get("/api/v1/admin/merchants?limit=0").error().getString("param"));
    }

    @Test
    void theAdminApiNeedsTheAdminToken() {
        for (Api caller : List.of(admin.withKey(null), admin.withKey("admin_wrong"), api)) {
            Api.Reply refused = caller.get("/api/v1/admin/merchants");
            assertEquals(401, refused.status(), refused::toString);
            assertEquals("authentication_error", refused.error().getString("type"));
            assertTrue(refused.headers().allValues("WWW-Authenticate").contains("Bearer realm=\"paygate\""));
        }
    }

    @Test
    void everyMerchantEndpointRefusesAMissingOrUnknownKeyWith401() {
        String payment = create(api, Map.of()).getString("id");
        Api nobody = api.withKey(null);
        Api unknown = api.withKey("sk_test_" + "x".repeat(40));
        List<String[]> calls = List.of(
                new String[] {"POST", "/api/v1/payments"},
                new String[] {"GET", "/api/v1/payments"},
                new String[] {"GET", "/api/v1/payments/" + payment},
                new String[] {"POST", "/api/v1/payments/" + payment + "/cancel"},
                new String[] {"POST", "/api/v1/payments/" + payment + "/refund"},
                new String[] {"GET", "/api/v1/payments/" + payment + "/refunds"},
                new String[] {"GET", "/api/v1/payments/" + payment + "/transactions"},
                new String[] {"GET", "/api/v1/refunds/ref_nothing"});
        for (String[] call : calls) {
            for (Api caller : List.of(nobody, unknown)) {
                Api.Reply reply = "GET".equals(call[0])
                        ? caller.get(call[1])
                        : caller.post(call[1], Api.cardPayment(merchant, "1.00", VISA, Map.of()));
                assertEquals(401, reply.status(), call[0] + " " + call[1] + ": " + reply);
                assertEquals("authentication_error", reply.error().getString("type"));
                assertEquals(
                        caller == nobody ? "api_key_missing" : "api_key_invalid",
                        reply.error().getString("code"));
                assertTrue(reply.headers().allValues("WWW-Authenticate").contains("Basic realm=\"paygate\""));
                assertFalse(reply.body().contains("x".repeat(20)), "the error never echoes a whole key");
            }
        }
        assertNotEquals(
                "cancelled",
                api.get("/api/v1/payments/" + payment).json().getString("status"),
                "nothing refused changed the payment");
        assertEquals(
                0, api.get("/api/v1/payments/" + payment + "/refunds").array().size());
        assertEquals(200, nobody.get("/api/v1/health").status(), "health needs no key");
        for (String header :
                List.of("Bearer", "Bearer ", "Token sk_test_abc", "Basic !!!not-base64", "sk_test_nothing")) {
            Api.Reply reply = nobody.send(HttpRequest.newBuilder(api.uri("/api/v1/payments"))
                    .header("Authorization", header)
                    .GET());
            assertEquals(401, reply.status(), header + ": " + reply);
        }
    }

    @Test
    void aKeyWorksAsBearerTokenAndAsTheBasicUserName() {
        String basic = Base64.getEncoder().encodeToString((api.key() + ":").getBytes(StandardCharsets.UTF_8));
        Api.Reply reply = api.withKey(null)
                .send(HttpRequest.newBuilder(api.uri("/api/v1/payments"))
                        .header("Authorization", "Basic " + basic)
                        .GET());
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(
                200,
                api.withKey(null)
                        .send(HttpRequest.newBuilder(api.uri("/api/v1/payments"))
                                .header("Authorization", "bearer " + api.key())
                                .GET())
                        .status());
    }

    @Test
    void aPaymentBelongsToTheKeysMerchantAndANamedOtherMerchantIs403() {
        JsonObject payment = create(api, Map.of("merchant_id", jakarta.json.JsonValue.NULL));
        assertEquals(merchant, payment.getString("merchant_id"), "merchant_id may be left out");

        String other = Api.merchant();
        createMerchant(other);
        Api.Reply mismatch = api.post("/api/v1/payments", Api.cardPayment(other, "5.00", VISA, Map.of()));
        assertEquals(403, mismatch.status(), mismatch::toString);
        assertEquals("permission_error", mismatch.error().getString("type"));
        assertEquals("merchant_mismatch", mismatch.error().getString("code"));
        assertEquals("merchant_id", mismatch.error().getString("param"));
        Api.Reply listMismatch = api.get("/api/v1/payments?merchant_id=" + other);
        assertEquals(403, listMismatch.status(), listMismatch::toString);
        assertEquals("merchant_mismatch", listMismatch.error().getString("code"));
        assertEquals(1, api.get("/api/v1/payments").json().getJsonArray("data").size(), "the 403 created nothing");
    }

    @Test
    void anotherMerchantCannotSeeRefundOrCancelAPaymentItIsAsIfItDidNotExist() {
        String paid = create(api, Map.of()).getString("id");
        String pending = create(api, Map.of()).getString("id");
        api.awaitStatus(paid, "completed");
        Api.Reply refund = api.post("/api/v1/payments/" + paid + "/refund", "{\"amount\": 1.00}");
        assertEquals(202, refund.status(), refund::toString);
        String refundId = refund.json().getString("id");

        String intruderId = Api.merchant();
        Api intruder = api.withKey(createMerchant(intruderId));
        String own = create(intruder, Map.of()).getString("id");

        for (String[] call : List.of(
                new String[] {"GET", "/api/v1/payments/%s"},
                new String[] {"GET", "/api/v1/payments/%s/transactions"},
                new String[] {"GET", "/api/v1/payments/%s/refunds"},
                new String[] {"POST", "/api/v1/payments/%s/refund"},
                new String[] {"POST", "/api/v1/payments/%s/cancel"})) {
            for (String target : List.of(paid, pending)) {
                Api.Reply theirs = send(intruder, call[0], call[1].formatted(target));
                Api.Reply missing = send(intruder, call[0], call[1].formatted("pay_doesnotexist"));
                assertEquals(404, theirs.status(), call[1] + ": " + theirs);
                assertEquals(
                        missing.body().replace("pay_doesnotexist", target),
                        theirs.body(),
                        "another merchant's payment reads exactly like a missing one");
            }
        }
        Api.Reply theirRefund = intruder.get("/api/v1/refunds/" + refundId);
        assertEquals(404, theirRefund.status());
        assertEquals(
                intruder.get("/api/v1/refunds/ref_doesnotexist").body().replace("ref_doesnotexist", refundId),
                theirRefund.body());
        Api.Reply page = intruder.get("/api/v1/payments?starting_after=" + paid);
        assertEquals(400, page.status(), "another merchant's payment is no cursor: " + page);

        List<String> seen = intruder.get("/api/v1/payments?limit=100").json().getJsonArray("data").stream()
                .map(p -> p.asJsonObject().getString("id"))
                .toList();
        assertEquals(List.of(own), seen, "a list holds only the key's own payments");

        api.awaitStatus(pending, "completed");
        JsonObject untouched = api.get("/api/v1/payments/" + paid).json();
        assertEquals(
                "1.00",
                untouched.getJsonNumber("refunded_amount").bigDecimalValue().toPlainString());
        assertEquals(1, api.get("/api/v1/payments/" + paid + "/refunds").array().size(), "no refund by the intruder");
        assertEquals(
                "completed",
                api.get("/api/v1/payments/" + pending).json().getString("status"),
                "the intruder's cancel did not cancel it");
        assertEquals(200, api.get("/api/v1/refunds/" + refundId).status());
    }

    @Test
    void keysRotateWithoutDowntimeAndARevokedKeyFailsAtOnce() {
        String first = api.key();
        String second = issueKey(merchant);
        assertNotEquals(first, second);
        Api newer = api.withKey(second);
        String payment = create(api, Map.of()).getString("id");
        assertEquals(200, newer.get("/api/v1/payments/" + payment).status(), "both keys work at once");
        assertEquals(200, api.get("/api/v1/payments/" + payment).status());

        String firstId = admin.get("/api/v1/admin/merchants/" + merchant + "/keys")
                .array()
                .getJsonObject(0)
                .getString("id");
        Api.Reply revoked = admin.post("/api/v1/admin/merchants/" + merchant + "/keys/" + firstId + "/revoke", null);
        assertEquals(200, revoked.status(), revoked::toString);
        assertEquals("revoked", revoked.json().getString("status"));
        assertFalse(revoked.json().isNull("revoked_at"));

        Api.Reply refused = api.get("/api/v1/payments/" + payment);
        assertEquals(401, refused.status(), "the very next request with a revoked key is refused");
        assertEquals("api_key_revoked", refused.error().getString("code"));
        assertEquals(200, newer.get("/api/v1/payments/" + payment).status());
        assertEquals(
                404,
                admin.post("/api/v1/admin/merchants/" + Api.merchant() + "/keys/" + firstId + "/revoke", null)
                        .status(),
                "a key is revoked through its own merchant only");
    }

    @Test
    void aDisabledMerchantsKeysAreRefusedUntilItIsActiveAgain() {
        String payment = create(api, Map.of()).getString("id");
        assertEquals(
                200,
                admin.post("/api/v1/admin/merchants/" + merchant, "{\"status\":\"disabled\"}")
                        .status());
        Api.Reply refused = api.get("/api/v1/payments/" + payment);
        assertEquals(401, refused.status(), refused::toString);
        assertEquals("merchant_disabled", refused.error().getString("code"));
        assertEquals(
                "status",
                admin.post("/api/v1/admin/merchants/" + merchant, "{\"status\":\"gone\"}")
                        .error()
                        .getString("param"));
        assertEquals(
                200,
                admin.post("/api/v1/admin/merchants/" + merchant, "{\"status\":\"active\"}")
                        .status());
        assertEquals(200, api.get("/api/v1/payments/" + payment).status());
    }

    private JsonObject create(Api as, Map<String, Object> overrides) {
        Api.Reply created = as.post("/api/v1/payments", Api.cardPayment(merchantOf(as), "10.00", VISA, overrides));
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    /** The merchant id to name in a body: the key's own, looked up from a list answer. */
    private String merchantOf(Api as) {
        return as == api ? merchant : null;
    }

    private static Api.Reply send(Api as, String method, String path) {
        return "GET".equals(method) ? as.get(path) : as.post(path, null);
    }
}
