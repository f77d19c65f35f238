package dev.paygate.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A merchant's webhook receiver on 127.0.0.1: it records every request as it arrived and checks
 * its {@code Paygate-Signature} with code of its own (docs/webhooks.md) against the secrets it
 * was told to trust. It answers 200 unless scripted otherwise: some statuses first, another status
 * always, holding requests unanswered, or down altogether (its port closed, opened again by
 * {@link #up()}).
 */
public final class Receiver implements AutoCloseable {

    /** How far a signature's {@code t} may be from the receiver's clock, as the contract advises. */
    static final Duration TOLERANCE = Duration.ofSeconds(300);

    /**
     * One request as it arrived: its raw body, its headers (names in lower case), the event it
     * carries (an empty object if the body is no JSON object), the status it was answered with (0
     * if it was held and never answered), whether a trusted secret signed it (fresh, and over this
     * very body), and how many {@code v1} signatures it carried.
     */
    public record Received(
            Instant at,
            byte[] raw,
            Map<String, List<String>> headers,
            JsonObject event,
            int answered,
            boolean signed,
            int signatures) {

        public String body() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String eventId() {
            return event().getString("id", null);
        }

        public String type() {
            return event().getString("type", null);
        }

        public int sequence() {
            return event().getInt("sequence", 0);
        }

        /** {@code data.object}: the payment or refund. */
        public JsonObject object() {
            JsonObject data = event().getJsonObject("data");
            return data == null ? JsonValue.EMPTY_JSON_OBJECT : data.getJsonObject("object");
        }

        public String objectId() {
            JsonObject object = object();
            return object == null ? null : object.getString("id", null);
        }

        /** How many of its {@code v1} signatures are valid for {@code secret}. */
        public long validSignatures(String secret) {
            return Signature.parse(header("Paygate-Signature")).validFor(secret, raw, at);
        }

        public boolean signedWith(String secret) {
            return validSignatures(secret) > 0;
        }

        @Override
        public String toString() {
            return at + " " + type() + " " + eventId() + " of " + objectId() + " #" + sequence() + " answered "
                    + answered + (signed ? " signed" : " NOT signed") + " (" + signatures + " v1)";
        }
    }

    /** A {@code Paygate-Signature} header: {@code t=<unix seconds>,v1=<hex>[,v1=<hex>]}. */
    record Signature(long t, List<String> v1) {

        static Signature parse(String header) {
            long t = -1;
            List<String> v1 = new ArrayList<>();
            for (String part : header == null ? new String[0] : header.split(",")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals("t")) {
                    try {
                        t = Long.parseLong(kv[1]);
                    } catch (NumberFormatException e) {
                        t = -1;
                    }
                } else if (kv.length == 2 && kv[0].equals("v1")) {
                    v1.add(kv[1]);
                }
            }
            return new Signature(t, List.copyOf(v1));
        }

        /** The {@code v1} entries that are the HMAC of {@code <t>.<raw body>} by {@code secret}, if t is fresh at {@code at}. */
        long validFor(String secret, byte[] raw, Instant at) {
            if (t < 0 || Math.abs(at.getEpochSecond() - t) > TOLERANCE.toSeconds()) {
                return 0;
            }
            byte[] expected = hmac(secret, raw);
            return v1.stream().filter(s -> matches(expected, s)).count();
        }

        private byte[] hmac(String secret, byte[] raw) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
                return mac.doFinal(raw);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static boolean matches(byte[] expected, String hex) {
            try {
                return MessageDigest.isEqual(expected, HexFormat.of().parseHex(hex));
            } catch (IllegalArgumentException notHex) {
                return false;
            }
        }
    }

    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> secrets = new CopyOnWriteArraySet<>();
    private final Queue<Integer> first = new ConcurrentLinkedQueue<>();
    private volatile int always = 200;
    private volatile CountDownLatch held;
    private final int port;
    private HttpServer server;

    /** Starts on a free port of 127.0.0.1. */
    public Receiver() {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    /** The URL to give the gateway as an endpoint's {@code url}. */
    public String url() {
        return "http://127.0.0.1:" + port + "/webhooks";
    }

    /** A secret whose signatures count as valid from now on. */
    public Receiver trust(String secret) {
        secrets.add(secret);
        return this;
    }

    /** Answers the next requests with these statuses, in turn, then as before. */
    public Receiver answer(int... statuses) {
        for (int status : statuses) {
            first.add(status);
        }
        return this;
    }

    /** Answers every request (after any queued by {@link #answer}) with {@code status}. */
    public Receiver answerAlways(int status) {
        always = status;
        return this;
    }

    /** What it answers with a status that is not a success, so that a test can find it in the delivery log. */
    public static String answerBody(int status) {
        return status >= 200 && status < 300 ? "" : "receiver says " + status;
    }

    /** Holds every request unanswered, as a hung receiver would, until {@link #down()} or {@link #close()}. */
    public synchronized Receiver hold() {
        held = new CountDownLatch(1);
        return this;
    }

    /** Stops listening: connections are refused until {@link #up()}. Held requests are let go. */
    public synchronized Receiver down() {
        release();
        if (server != null) {
            server.stop(0);
            server = null;
        }
        return this;
    }

    /** Listens again on the same port, answering as scripted. */
    public synchronized Receiver up() {
        if (server == null) {
            server = listen(port);
        }
        return this;
    }

    /** Answers at once again, 200 unless told otherwise. */
    public synchronized Receiver answerNormally() {
        release();
        first.clear();
        always = 200;
        return this;
    }

    @Override
    public synchronized void close() {
        down();
        handlers.shutdownNow();
    }

    private void release() {
        if (held != null) {
            held.countDown();
            held = null;
        }
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
            http.createContext("/", this::handle);
            http.setExecutor(handlers);
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + onPort, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant at = Instant.now();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            Signature signature = Signature.parse(
                    headers.getOrDefault("paygate-signature", List.of("")).get(0));
            boolean signed = secrets.stream().anyMatch(s -> signature.validFor(s, raw, at) > 0);
            JsonObject event = parse(raw);
            CountDownLatch hold = held;
            if (hold != null) {
                received.add(new Received(
                        at, raw, headers, event, 0, signed, signature.v1().size()));
                await(hold);
                return; // let go unanswered: the gateway is gone or the receiver going down
            }
            Integer queued = first.poll();
            int status = queued == null ? always : queued;
            received.add(new Received(
                    at, raw, headers, event, status, signed, signature.v1().size()));
            byte[] answer = answerBody(status).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static JsonObject parse(byte[] raw) {
        try {
            return Json.createReader(new StringReader(new String(raw, StandardCharsets.UTF_8)))
                    .readObject();
        } catch (RuntimeException notAnEvent) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static void await(CountDownLatch hold) {
        try {
            hold.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every request so far, in the order they arrived. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Every request that carried this event. */
    public List<Received> ofEvent(String eventId) {
        return received().stream().filter(r -> eventId.equals(r.eventId())).toList();
    }

    /** The events received about one payment or refund, each once (its first arrival), ordered by {@code sequence}. */
    public List<Received> events(String objectId) {
        Map<String, Received> byEvent = new LinkedHashMap<>();
        for (Received r : received()) {
            if (objectId.equals(r.objectId())) {
                byEvent.putIfAbsent(r.eventId(), r);
            }
        }
        return byEvent.values().stream()
                .sorted(Comparator.comparingInt(Received::sequence))
                .toList();
    }

    /** The types of the events received about one object, ordered by {@code sequence}. */
    public List<String> types(String objectId) {
        return events(objectId).stream().map(Received::type).toList();
    }

    /**
     * Waits until what was received satisfies {@code done}; fails, listing what arrived, if it does
     * not within {@code timeout}.
     */
    public List<Received> await(String what, Predicate<List<Received>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Received> now = received();
            if (done.test(now)) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the receiver did not get " + what + " within " + timeout + "; it got:\n"
                        + String.join("\n", now.stream().map(Received::toString).toList()));
            }
            Api.sleep(20);
        }
    }

    /** Waits for the first request that carries an event of {@code type} about {@code objectId}. */
    public Received awaitEvent(String type, String objectId, Duration timeout) {
        Predicate<Received> wanted = r -> type.equals(r.type()) && objectId.equals(r.objectId());
        return await(type + " of " + objectId, all -> all.stream().anyMatch(wanted), timeout).stream()
                .filter(wanted)
                .findFirst()
                .orElseThrow();
    }

    /** Waits until {@code count} events about {@code objectId} have arrived; returns them as {@link #events}. */
    public List<Received> awaitEvents(String objectId, int count, Duration timeout) {
        await(count + " events of " + objectId, all -> events(objectId).size() >= count, timeout);
        return events(objectId);
    }

    /** Waits until {@code count} requests have carried the event {@code eventId}; returns them. */
    public List<Received> awaitTimes(String eventId, int count, Duration timeout) {
        await(count + " requests with " + eventId, all -> ofEvent(eventId).size() >= count, timeout);
        return ofEvent(eventId);
    }
}
