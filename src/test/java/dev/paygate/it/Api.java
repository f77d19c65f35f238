package dev.paygate.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** A small HTTP client for the gateway's API, as a merchant's integration would call it. */
public final class Api {

    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonArray array() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The error's code, param and status, for compact assertions. */
        public JsonObject error() {
            return json().getJsonObject("error");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String key;

    /** Without credentials: only health answers. */
    public Api(URL deployment) {
        this(deployment, null);
    }

    /** Every request sends {@code key} (a merchant's secret key, or the admin token) as a bearer token. */
    public Api(URL deployment, String key) {
        String root = deployment.toString().replaceAll("/+$", "");
        this.base = URI.create(root + "/");
        this.key = key;
    }

    private Api(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    /** The same gateway with another credential; null sends none. */
    public Api withKey(String key) {
        return new Api(base, key);
    }

    public String key() {
        return key;
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Reply post(String path, String json) {
        return send(postRequest(path, json));
    }

    /** A POST with an {@code Idempotency-Key} header. */
    public Reply post(String path, String json, String idempotencyKey) {
        return send(postRequest(path, json).header("Idempotency-Key", idempotencyKey));
    }

    private HttpRequest.Builder postRequest(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return request;
    }

    /** Adds the credential unless the request sets its own Authorization header. */
    public Reply send(HttpRequest.Builder request) {
        if (key != null
                && request.copy().build().headers().firstValue("Authorization").isEmpty()) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response =
                    CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A merchant id no other test uses, so tests never see each other's payments. */
    public static String merchant() {
        return "m_" + letters(16);
    }

    /**
     * {@code n} random letters: for ids and keys that must never read as a card number in text,
     * which random digits (a UUID's groups among them) now and then do.
     */
    public static String letters(int n) {
        StringBuilder letters = new StringBuilder(n);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    public static String order() {
        return "order_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A card payment request; {@code overrides} replace or add fields (a null value removes one). */
    public static String cardPayment(String merchant, String amount, String card, Map<String, Object> overrides) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("merchant_id", merchant);
        fields.put("order_id", order());
        fields.put("amount", new java.math.BigDecimal(amount));
        fields.put("currency", "USD");
        fields.put("payment_method", "credit_card");
        fields.put("customer_email", "customer@example.com");
        fields.put("customer_name", "John Doe");
        fields.put("card_number", card);
        fields.put("card_expiry_month", 12);
        fields.put("card_expiry_year", java.time.Year.now().getValue() + 3);
        fields.put("card_cvv", "123");
        fields.put("description", "Test payment");
        fields.putAll(overrides);
        return toJson(fields);
    }

    public static String toJson(Map<String, Object> fields) {
        var builder = Json.createObjectBuilder();
        fields.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            if (v instanceof String s) {
                builder.add(k, s);
            } else if (v instanceof Integer i) {
                builder.add(k, i);
            } else if (v instanceof java.math.BigDecimal d) {
                builder.add(k, d);
            } else if (v instanceof JsonValue j) {
                builder.add(k, j);
            } else {
                throw new IllegalArgumentException(k + ": " + v.getClass());
            }
        });
        return builder.build().toString();
    }

    /**
     * Polls a payment until it matches, recording every status seen on the way. Bounded by the
     * timeout; fails with the statuses seen if it never matches.
     */
    public List<String> awaitPayment(String id, Predicate<JsonObject> done, Duration timeout) {
        List<String> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Reply reply = get("/api/v1/payments/" + id);
            if (reply.status() == 429) {
                // Polling runs into the key's read limit (25/s by default, where a test leaves it): back off as
                // a client should.
                sleep(200);
                continue;
            }
            if (reply.status() != 200) {
                throw new AssertionError("payment " + id + " could not be read: " + reply);
            }
            JsonObject payment = reply.json();
            String status = payment.getString("status");
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            if (done.test(payment)) {
                return seen;
            }
            sleep(15);
        }
        throw new AssertionError("payment " + id + " did not get there within " + timeout + "; statuses seen: " + seen);
    }

    /** Waits until the acquirer has answered (the payment is neither pending nor processing); returns it then. */
    public JsonObject awaitAnswered(String id) {
        awaitPayment(
                id,
                p -> !p.getString("status").equals("pending")
                        && !p.getString("status").equals("processing"),
                Duration.ofSeconds(20));
        return get("/api/v1/payments/" + id).json();
    }

    public List<String> awaitStatus(String id, String status) {
        return awaitPayment(id, p -> status.equals(p.getString("status")), Duration.ofSeconds(20));
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
