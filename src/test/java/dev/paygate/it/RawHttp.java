package dev.paygate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Requests written byte for byte on a socket, for what an HTTP client library refuses to send
 * (malformed request lines and headers, TRACE, a forged Host), and the assertions every server
 * must meet for them: the right status, the API's one error shape, and no name of the server or
 * framework anywhere in the answer. {@link #assertEdges} runs the same checks on any server.
 */
public final class RawHttp {

    /** Words that name a runtime, a framework or its page; none may appear in an answer. */
    private static final List<String> FRAMEWORK_WORDS = List.of(
            "payara",
            "glassfish",
            "grizzly",
            "jersey",
            "wadl",
            "wildfly",
            "undertow",
            "jboss",
            "resteasy",
            "liberty",
            "websphere",
            "ibm",
            "servlet/",
            "jsp/",
            "<html",
            "exception",
            "java.");

    private RawHttp() {}

    /** One answer as read from the socket; header names in lower case. */
    public record Answer(int status, String statusLine, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(", ", values);
        }

        public JsonObject error() {
            return Json.createReader(new StringReader(body)).readObject().getJsonObject("error");
        }

        @Override
        public String toString() {
            return statusLine + " " + headers + " " + body;
        }
    }

    /** Sends {@code request} (ISO-8859-1, so every byte value can be written) and reads the answer. */
    public static Answer send(URI base, String request) {
        return send(base, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Answer send(URI base, byte[] request) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request with {@code Host}, {@code Connection: close} and the given extra header lines. */
    public static String request(String method, String target, String... headers) {
        StringBuilder request =
                new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean host = false;
        for (String header : headers) {
            host |= header.regionMatches(true, 0, "Host:", 0, 5);
            request.append(header).append("\r\n");
        }
        if (!host) {
            request.append("Host: localhost\r\n");
        }
        return request.append("Connection: close\r\n\r\n").toString();
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                raw.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // What was read so far is the answer; a server may reset a connection it refused.
        }
        String text = raw.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            return new Answer(0, text, Map.of(), "");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(
                                lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = raw.toByteArray();
        body = java.util.Arrays.copyOfRange(body, end + 4, body.length);
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null
                && String.join(",", encoding).toLowerCase(Locale.ROOT).contains("chunked")) {
            body = unchunk(body);
        }
        return new Answer(
                Integer.parseInt(lines[0].split(" ")[1]), lines[0], headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int line = text.indexOf("\r\n", at);
            if (line < 0) {
                break;
            }
            int size = Integer.parseInt(text.substring(at, line).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, line + 2, size);
            at = line + 2 + size + 2;
        }
        return out.toByteArray();
    }

    /** No header or body names the server, the framework or their versions. */
    public static void assertNoFrameworkNames(Answer answer) {
        assertFalse(answer.headers().containsKey("x-powered-by"), () -> "X-Powered-By: " + answer);
        String all = (answer.headers() + " " + answer.body()).toLowerCase(Locale.ROOT);
        for (String word : FRAMEWORK_WORDS) {
            assertFalse(all.contains(word), () -> "names '" + word + "': " + answer);
        }
    }

    /** The status, and a body in the one error shape: {"error": {type, code, message, param, errors}}. */
    public static JsonObject assertOneShape(Answer answer, int status) {
        assertEquals(status, answer.status(), answer::toString);
        assertNoFrameworkNames(answer);
        String type = answer.header("content-type");
        assertTrue(
                type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json"), () -> "JSON: " + answer);
        JsonObject whole;
        try {
            whole = Json.createReader(new StringReader(answer.body())).readObject();
        } catch (JsonParsingException | IllegalStateException e) {
            throw new AssertionError("not JSON: " + answer, e);
        }
        assertEquals(Set.of("error"), whole.keySet(), answer::toString);
        JsonObject error = whole.getJsonObject("error");
        assertEquals(Set.of("type", "code", "message", "param", "errors"), error.keySet(), answer::toString);
        assertNotNull(error.getString("type"));
        assertNotNull(error.getString("code"));
        assertFalse(error.getString("message").isBlank(), answer::toString);
        assertTrue(
                error.get("param").getValueType() == JsonValue.ValueType.STRING
                        || error.get("param").getValueType() == JsonValue.ValueType.NULL,
                answer::toString);
        assertEquals(JsonValue.ValueType.ARRAY, error.get("errors").getValueType(), answer::toString);
        return error;
    }

    /**
     * For what a server's HTTP parser refuses before any application code runs: the status, no
     * names, and either the one error shape or no body at all (never a page of the server's own).
     */
    public static void assertRefusedByParser(Answer answer, int status) {
        assertEquals(status, answer.status(), answer::toString);
        assertNoFrameworkNames(answer);
        if (!answer.body().isEmpty()) {
            assertOneShape(answer, status);
        }
    }

    /**
     * For malformed HTTP that one server's parser refuses and another lets through: one of
     * {@code statuses}; refused, with no body or the one error shape; let through, the gateway's
     * own answer (JSON). Never a server's page, never a name.
     */
    public static void assertRefusedOrAnswered(Answer answer, Integer... statuses) {
        assertTrue(List.of(statuses).contains(answer.status()), answer::toString);
        assertNoFrameworkNames(answer);
        if (answer.status() >= 400 && !answer.body().isEmpty()) {
            assertOneShape(answer, answer.status());
        } else if (answer.status() < 400) {
            assertTrue(answer.body().startsWith("{"), answer::toString);
        }
    }

    /**
     * A path the server's web container may refuse before the application (Open Liberty does for
     * control characters, with a line of text of its own): a 400 with no names; in JSON, the one
     * shape, naming the path parameter when the gateway refused it.
     */
    public static void assertBadPath(Answer answer, String param) {
        assertEquals(400, answer.status(), answer::toString);
        assertNoFrameworkNames(answer);
        String type = answer.header("content-type");
        if (type != null && type.startsWith("application/json")) {
            JsonObject error = assertOneShape(answer, 400);
            assertTrue(error.isNull("param") || param.equals(error.getString("param")), answer::toString);
        }
    }

    /**
     * The edges of HTTP every server must handle alike, against the gateway at {@code base} with a
     * merchant's {@code key}: TRACE, OPTIONS, WADL, control characters and invalid UTF-8 in path
     * and query parameters, an unknown charset in Accept, a forged Host header, requests that
     * reach the servlet container but not the API, and malformed HTTP. {@code merchant} is the
     * key's merchant.
     */
    public static void assertEdges(URI base, String key, String merchant) {
        String auth = "Authorization: Bearer " + key;

        Answer trace = send(base, request("TRACE", "/api/v1/health", "X-Secret: echo-me"));
        assertOneShape(trace, 405);
        assertFalse(trace.body().contains("echo-me"), "TRACE never echoes the request");
        // Outside the API, Open Liberty's web container refuses TRACE itself, with an empty 403.
        Answer traceRoot = send(base, request("TRACE", "/", "X-Secret: echo-me"));
        assertRefusedOrAnswered(traceRoot, 405, 403);
        assertFalse(traceRoot.body().contains("echo-me"), "TRACE never echoes the request");

        Answer options = send(base, request("OPTIONS", "/api/v1/payments"));
        assertTrue(options.status() == 200 || options.status() == 204, options::toString);
        assertTrue(options.header("allow") != null && options.header("allow").contains("POST"), options::toString);
        assertTrue(options.body().isEmpty(), () -> "OPTIONS answers with Allow only: " + options);
        assertNoFrameworkNames(options);
        Answer optionsWadl =
                send(base, request("OPTIONS", "/api/v1/payments/pay_1", "Accept: application/vnd.sun.wadl+xml"));
        assertTrue(optionsWadl.body().isEmpty(), optionsWadl::toString);
        assertNoFrameworkNames(optionsWadl);
        assertOneShape(send(base, request("GET", "/api/v1/application.wadl", auth)), 404);

        assertEquals(
                "starting_after",
                assertOneShape(send(base, request("GET", "/api/v1/payments?starting_after=pay_%00", auth)), 400)
                        .getString("param"));
        assertEquals(
                "status",
                assertOneShape(send(base, request("GET", "/api/v1/payments?status=a%01b", auth)), 400)
                        .getString("param"));
        assertEquals(
                "limit",
                assertOneShape(send(base, request("GET", "/api/v1/payments?limit=%FF", auth)), 400)
                        .getString("param"));
        assertEquals(
                "starting_after",
                assertOneShape(
                                send(base, request("GET", "/api/v1/payments?starting_after=" + "p".repeat(1000), auth)),
                                400)
                        .getString("param"));
        assertEquals(
                "id",
                assertOneShape(send(base, request("GET", "/api/v1/payments/" + "p".repeat(1000), auth)), 400)
                        .getString("param"));
        assertBadPath(send(base, request("GET", "/api/v1/payments/pay_%1B", auth)), "id");
        assertBadPath(send(base, request("GET", "/api/v1/payments/pay_%00", auth)), "id");
        assertBadPath(send(base, request("GET", "/api/v1/payments/pay_%C3%28", auth)), "id");

        Answer charset = send(base, request("GET", "/api/v1/health", "Accept: application/json; charset=foo"));
        assertEquals(200, charset.status(), charset::toString);
        assertEquals(
                "up",
                Json.createReader(new StringReader(charset.body())).readObject().getString("status"));

        // The Location of what was created never follows the Host header; a replay gives the same.
        String payment = Api.cardPayment(merchant, "10.00", "4111111111111111", Map.of());
        String idempotencyKey = "Idempotency-Key: edges-" + Api.letters(32);
        String create = "POST /api/v1/payments HTTP/1.1\r\nHost: evil.example.com\r\n" + auth + "\r\n" + idempotencyKey
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + payment.getBytes(StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + payment;
        Answer created = send(base, create.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.status(), created::toString);
        String id =
                Json.createReader(new StringReader(created.body())).readObject().getString("id");
        assertEquals("/api/v1/payments/" + id, created.header("location"), created::toString);
        Answer replayed = send(base, create.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, replayed.status(), replayed::toString);
        assertEquals(created.header("location"), replayed.header("location"), "the replay's Location");

        // Nor does the redirect the web container makes by itself, from a directory to its index.
        Answer directory = send(base, "GET /apidocs HTTP/1.1\r\nHost: evil.example.com\r\nConnection: close\r\n\r\n");
        assertTrue(directory.status() >= 300 && directory.status() < 400, directory::toString);
        String directoryLocation = directory.header("location");
        assertTrue(
                directoryLocation != null
                        && directoryLocation.endsWith("/apidocs/")
                        && !directoryLocation.contains("evil.example"),
                directory::toString);

        // Refused by the servlet container or the JAX-RS runtime, not by the API's code.
        assertOneShape(
                send(
                        base,
                        "POST /api/v1/payments HTTP/1.1\r\nHost: localhost\r\n" + auth
                                + "\r\nContent-Type: ;;;\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"),
                400);
        assertOneShape(
                send(
                        base,
                        "POST /api/v1/payments HTTP/1.1\r\nHost: localhost\r\n" + auth
                                + "\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"),
                415);
        assertOneShape(send(base, request("FOO", "/api/v1/health")), 405);
        assertOneShape(send(base, request("GET", "/no/such/page")), 404);
        assertOneShape(send(base, request("GET", "/WEB-INF/web.xml")), 404);

        // Malformed HTTP: each server's parser refuses some and lets others through.
        assertRefusedOrAnswered(send(base, request("GET", "/api/v1/health", "X-Bad: a\u0001b")), 400, 200);
        assertRefusedOrAnswered(send(base, request("POST", "/api/v1/payments", "Content-Length: -1")), 400, 415);
        assertRefusedOrAnswered(send(base, "GET /api/v1/health HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, 200);
        assertRefusedOrAnswered(
                send(base, "GET /api/v1/health HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                400,
                505,
                200);
        assertRefusedOrAnswered(
                send(base, request("GET", "/api/v1/health", "X-Big: " + "a".repeat(70_000))), 400, 431, 413, 200);
    }

    /** Fails with the answer when {@code answer} is a success: for requests that must never succeed. */
    public static void assertNotSuccess(Answer answer) {
        if (answer.status() >= 200 && answer.status() < 300) {
            fail("succeeded: " + answer);
        }
    }
}
