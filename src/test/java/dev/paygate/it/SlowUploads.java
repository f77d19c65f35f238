package dev.paygate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Clients that send their request bodies a byte a second, with a valid key, as many as the server
 * has request threads or more: while they trickle, the gateway must go on answering everyone else
 * at once, and each of them must get a 408 when the body deadline passes.
 */
public final class SlowUploads {

    /** How long health or a create may take while the slow uploads trickle. */
    public static final Duration PROMPT = Duration.ofSeconds(1);
    /** How late after the deadline a slow upload may still be answered (the servers check timeouts about once a second). */
    static final Duration MARGIN = Duration.ofSeconds(3);

    private SlowUploads() {}

    /** A slow upload's outcome: the status and body of its answer (0 and empty if none), and when it came. */
    public record Outcome(String order, int status, String body, Duration after) {

        JsonObject error() {
            return Json.createReader(new StringReader(body)).readObject().getJsonObject("error");
        }
    }

    /**
     * Asserts that a body arriving in two parts is served; then runs {@code count} slow uploads of
     * payments for {@code merchant} with {@code api}'s key and, while they trickle, {@code checks}
     * health checks and creates, each answered within {@link #PROMPT}; then asserts that every slow
     * upload was answered 408 {@code request_timeout} within {@code deadline} (plus a margin) and
     * that none of them made a payment.
     */
    public static List<Outcome> assertServedWhileTrickling(
            Api api, String merchant, int count, int checks, Duration deadline) throws Exception {
        assertSplitBodyIsServed(api, merchant);
        ExecutorService uploads = Executors.newFixedThreadPool(count);
        try {
            List<Future<Outcome>> slow = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String payment = Api.cardPayment(merchant, "10.00", "4111111111111111", Map.of());
                String order = Json.createReader(new StringReader(payment))
                        .readObject()
                        .getString("order_id");
                slow.add(uploads.submit(
                        () -> trickle(api, payment, order, deadline.plus(MARGIN).plusSeconds(2))));
            }
            Api.sleep(1500); // every upload has sent its headers and is now sending a byte a second

            List<String> created = new ArrayList<>();
            for (int i = 0; i < checks; i++) {
                assertTrue(slow.stream().noneMatch(Future::isDone), "every slow upload is still trickling");
                long start = System.nanoTime();
                Api.Reply health = api.withKey(null).get("/api/v1/health");
                assertPrompt(start, "health", health);
                assertEquals(200, health.status(), health::toString);

                start = System.nanoTime();
                Api.Reply payment =
                        api.post("/api/v1/payments", Api.cardPayment(merchant, "10.00", "4111111111111111", Map.of()));
                assertPrompt(start, "a create", payment);
                assertEquals(201, payment.status(), payment::toString);
                created.add(payment.json().getString("order_id"));
            }

            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> upload : slow) {
                Outcome outcome = upload.get(deadline.plus(MARGIN).toSeconds() + 10, TimeUnit.SECONDS);
                outcomes.add(outcome);
                assertEquals(408, outcome.status(), outcome::toString);
                JsonObject error = outcome.error();
                assertEquals("invalid_request_error", error.getString("type"), outcome::toString);
                assertEquals("request_timeout", error.getString("code"), outcome::toString);
                assertTrue(error.getString("message").contains("too slowly"), outcome::toString);
                assertTrue(error.isNull("param") && error.getJsonArray("errors").isEmpty(), outcome::toString);
                assertTrue(
                        outcome.after().compareTo(deadline.plus(MARGIN)) <= 0,
                        "answered within the deadline of " + deadline + " and a margin: " + outcome.after());
            }
            List<String> stored = api.get("/api/v1/payments?limit=100").json().getJsonArray("data").stream()
                    .map(p -> p.asJsonObject().getString("order_id"))
                    .toList();
            assertTrue(stored.containsAll(created), stored::toString);
            assertTrue(
                    outcomes.stream().noneMatch(o -> stored.contains(o.order())),
                    "no slow upload made a payment: " + stored);
            return outcomes;
        } finally {
            uploads.shutdownNow();
        }
    }

    /**
     * A body that arrives in two parts a moment apart, well within the deadline, is served as if it
     * had come at once.
     */
    public static void assertSplitBodyIsServed(Api api, String merchant) throws IOException {
        byte[] body =
                Api.cardPayment(merchant, "10.00", "4111111111111111", Map.of()).getBytes(StandardCharsets.UTF_8);
        URI uri = api.uri("/api/v1/payments");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(api, uri, body.length));
            out.write(body, 0, body.length / 2);
            out.flush();
            Api.sleep(300);
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            Response response = Response.read(socket.getInputStream());
            assertEquals(201, response.status(), response::toString);
        }
    }

    private static Outcome trickle(Api api, String payment, String order, Duration giveUpAfter) throws IOException {
        byte[] body = payment.getBytes(StandardCharsets.UTF_8);
        URI uri = api.uri("/api/v1/payments");
        long start = System.nanoTime();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(head(api, uri, body.length));
            out.flush();
            InputStream in = socket.getInputStream();
            for (int sent = 0; sent < body.length && elapsed(start).compareTo(giveUpAfter) < 0; sent++) {
                try {
                    out.write(body[sent]);
                    out.flush();
                } catch (IOException closed) {
                    // the gateway answered and closed; its answer is read below
                }
                try {
                    Response response = Response.read(in);
                    return new Outcome(order, response.status(), response.body(), elapsed(start));
                } catch (SocketTimeoutException nothingYet) {
                    // still waiting for the body: send the next byte
                }
            }
            return new Outcome(order, 0, "", elapsed(start));
        }
    }

    private static byte[] head(Api api, URI uri, int length) {
        return ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                        + "\r\nAuthorization: Bearer " + api.key()
                        + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void assertPrompt(long start, String what, Api.Reply reply) {
        Duration took = elapsed(start);
        assertTrue(took.compareTo(PROMPT) <= 0, what + " took " + took + " while slow uploads trickled: " + reply);
    }

    /** An HTTP/1.1 response read off a socket: the status line, the headers, a body of Content-Length bytes. */
    private record Response(int status, String body) {

        static Response read(InputStream in) throws IOException {
            String head = readHead(in);
            int status = Integer.parseInt(head.substring(9, 12));
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            byte[] body = in.readNBytes(length);
            return new Response(status, new String(body, StandardCharsets.UTF_8));
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new UncheckedIOException(
                            new IOException("connection closed after " + head.size() + " bytes of a response"));
                }
                head.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
