package dev.paygate.events;

import static dev.paygate.events.WebhooksIT.attempts;
import static dev.paygate.events.WebhooksIT.await;
import static dev.paygate.events.WebhooksIT.createEndpoint;
import static dev.paygate.events.WebhooksIT.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a delivery does with a receiver that misbehaves, and the lists of endpoints and deliveries
 * page by page: a redirect is not followed, only the first KiB of an answer is kept, a receiver
 * slower than the timeout (10 s, the default) is a failed attempt, and paging gives every item
 * once. The receivers are JDK servers of the test's own.
 */
class WebhookLimitsIT extends AgainstGateway {

    private static final Duration SOON = Duration.ofSeconds(20);

    private HttpServer server;
    private final AtomicInteger redirectTargetHits = new AtomicInteger();

    @BeforeEach
    void receivers() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/redirect", x -> answer(x, 302, "Location", origin() + "/target", ""));
        server.createContext("/target", x -> {
            redirectTargetHits.incrementAndGet();
            answer(x, 200, null, null, "ok");
        });
        server.createContext("/big", x -> answer(x, 500, null, null, "x".repeat(5000)));
        server.createContext("/slow", x -> {
            try {
                Thread.sleep(12_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(x, 200, null, null, "late");
        });
        server.createContext("/ok", x -> answer(x, 200, null, null, "ok"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange x, int status, String header, String value, String body)
            throws IOException {
        x.getRequestBody().readAllBytes();
        if (header != null) {
            x.getResponseHeaders().add(header, value);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    private void pay() {
        Api.Reply paid = api.post("/api/v1/payments", Api.cardPayment(merchant, "10.00", "4242424242424242", Map.of()));
        assertEquals(201, paid.status(), paid::toString);
    }

    private JsonObject firstAttempt(String endpointId, Duration within) {
        List<JsonObject> logged = await(
                "an attempt logged for " + endpointId,
                () -> list(api.get("/api/v1/webhook_endpoints/" + endpointId + "/deliveries")),
                d -> !d.isEmpty() && !attempts(d.get(0)).isEmpty(),
                within);
        return attempts(logged.get(0)).get(0);
    }

    @Test
    void aRedirectIsNotFollowedAndOnlyTheFirstKibOfAnAnswerIsKept() {
        String redirecting =
                createEndpoint(api, origin() + "/redirect", "payment.created").getString("id");
        String verbose =
                createEndpoint(api, origin() + "/big", "payment.created").getString("id");
        pay();

        JsonObject redirected = firstAttempt(redirecting, SOON);
        assertEquals(302, redirected.getInt("http_status"), redirected::toString);
        assertFalse(redirected.getBoolean("succeeded"), redirected::toString);
        assertEquals(0, redirectTargetHits.get(), "the redirect's target got nothing");

        JsonObject answered = firstAttempt(verbose, SOON);
        assertEquals(500, answered.getInt("http_status"), answered::toString);
        assertEquals("x".repeat(1024), answered.getString("response_body"), "the first KiB of 5000 bytes");
    }

    @Test
    void aReceiverSlowerThanTheTimeoutIsAFailedAttempt() {
        String slow = createEndpoint(api, origin() + "/slow", "payment.created").getString("id");
        pay();
        JsonObject attempt = firstAttempt(slow, Duration.ofSeconds(40));
        assertFalse(attempt.getBoolean("succeeded"), attempt::toString);
        assertTrue(attempt.isNull("http_status"), attempt::toString);
        assertFalse(attempt.isNull("error"), attempt::toString);
        assertTrue(attempt.getInt("latency_ms") >= 9_000, attempt::toString);
        assertTrue(attempt.getInt("latency_ms") < 12_000, "gave up before the answer came: " + attempt);
    }

    @Test
    void endpointsAndDeliveriesArePagedWithEveryItemOnce() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            created.add(createEndpoint(api, origin() + "/ok?n=" + i, "payment.created")
                    .getString("id"));
        }
        assertEquals(created, new HashSet<>(pages("/api/v1/webhook_endpoints", 2)));

        String everything = createEndpoint(api, origin() + "/ok?all", "*").getString("id");
        pay();
        pay();
        String deliveries = "/api/v1/webhook_endpoints/" + everything + "/deliveries";
        await("six deliveries", () -> list(api.get(deliveries + "?limit=100")), d -> d.size() >= 6, SOON);
        List<String> paged = pages(deliveries, 4);
        assertEquals(paged.size(), new HashSet<>(paged).size(), "no delivery twice: " + paged);
        assertEquals(
                list(api.get(deliveries + "?limit=100")).stream()
                        .map(d -> d.getString("id"))
                        .toList(),
                paged,
                "the pages, in order, are the whole list");
    }

    /** Every id of a list, page by page with {@code limit}, following has_more and starting_after. */
    private List<String> pages(String path, int limit) {
        List<String> ids = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 20; page++) {
            Api.Reply reply = api.get(path + "?limit=" + limit + (after == null ? "" : "&starting_after=" + after));
            List<JsonObject> data = list(reply);
            assertTrue(data.size() <= limit, reply::toString);
            data.forEach(d -> ids.add(d.getString("id")));
            if (!reply.json().getBoolean("has_more")) {
                return ids;
            }
            after = ids.get(ids.size() - 1);
        }
        throw new AssertionError("more than 20 pages: " + ids);
    }
}
