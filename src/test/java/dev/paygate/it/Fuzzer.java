package dev.paygate.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A hostile client: thousands of requests, made from a seed, over every endpoint of the API, the
 * admin API, health, the documentation and unknown routes, with every method and with the classes
 * of bad input a careless or malicious caller sends (malformed and oversized JSON, huge numbers,
 * deep nesting, control characters and invalid UTF-8, wrong types and media types, odd headers,
 * bad ids, paths and queries, broken HTTP framing, card numbers where they do not belong).
 *
 * <p>Every answer is checked: no 5xx; an error is in the one JSON error shape with
 * {@code application/json}; a success is JSON (the documentation and metrics excepted); no body
 * names a Java class, a stack frame or the server's software; no {@code Location} follows a forged
 * {@code Host}; no full card number comes back; input the API's rules refuse is refused. Afterwards
 * health answers 200 and a payment can still be created. Every violation is collected, grouped by
 * its class, and reported with one example each and the seed that reproduces the run.
 *
 * <p>The run sets its merchant's rate limits high (through the admin API) so that it tests input,
 * not the rate limiter, and changes and revokes only a second merchant that it creates.
 */
public final class Fuzzer {

    /** The seed when {@code -Dpaygate.fuzz.seed} does not give another. */
    public static final long DEFAULT_SEED = 17L;

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int THREADS = 4;
    private static final String VISA = "4111111111111111";
    /** Luhn-valid numbers that the runs put where no card number belongs. */
    private static final List<String> STRAY_CARDS = List.of(
            "4242424242424242",
            "5555555555554444",
            "378282246310005",
            "6011111111111117",
            "4000056655665556",
            "4222222222222");
    /** Headers the JDK client sets itself and will not take from a caller. */
    private static final Set<String> RAW_ONLY =
            Set.of("host", "content-length", "transfer-encoding", "expect", "connection", "upgrade");

    private static final List<String> METHODS =
            List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE");

    /** Names of the software under the gateway, which no answer should give away. */
    private static final Pattern FRAMEWORKS = Pattern.compile(
            "(?i)\\b(jersey|resteasy|payara|glassfish|grizzly|undertow|wildfly|jboss|open ?liberty|websphere|hibernate"
                    + "|eclipselink|tomcat|jetty|parsson|yasson|postgresql)\\b");
    /** Java class names, exceptions and stack frames. */
    private static final Pattern CLASSES = Pattern.compile(
            "\\b(java|javax|jakarta|sun|com\\.sun|org\\.[a-z]+|fish\\.payara|io\\.openliberty|com\\.ibm|dev\\.paygate)\\.[a-z]\\w*\\.\\w"
                    + "|[A-Za-z]*Exception\\b|\\tat |\\bat [\\w.$]+\\(\\w+\\.java:\\d+\\)|\\.java:\\d+|SQLState|\\bERROR: ");

    private Fuzzer() {}

    /** The seed of this run: {@code -Dpaygate.fuzz.seed}, or {@link #DEFAULT_SEED}. */
    public static long seed() {
        return Long.getLong("paygate.fuzz.seed", DEFAULT_SEED);
    }

    /**
     * Sends at least {@code count} requests made from {@code seed} to the gateway at {@code base} (its
     * context root) as the merchant of {@code merchantKey} and with the admin token, then checks that
     * the gateway is still healthy; throws an {@link AssertionError} listing every class of violation.
     */
    public static void run(Server server, URI base, String merchantKey, String adminToken, int count, long seed) {
        new Run(server, base, merchantKey, adminToken).execute(count, seed);
    }

    /**
     * The server under the gateway. Each one's HTTP layer answers some malformed requests itself,
     * before any application code runs (README, "Development notes"); those answers are accepted
     * only on the server that documents them, and only when they carry nothing but the status.
     */
    public enum Server {
        PAYARA,
        WILDFLY,
        LIBERTY
    }

    // ---------------------------------------------------------------------------------------------
    // What is sent

    enum Auth {
        NONE,
        MERCHANT,
        ADMIN
    }

    /** One request and what its answer must satisfy beyond the checks every answer gets. */
    static final class Probe {
        int index;
        String family;
        String input;
        String route;
        String method = "GET";
        /** The request target after the context root, as it goes on the wire (ISO-8859-1 characters = bytes). */
        String target;

        final List<String[]> headers = new ArrayList<>();
        byte[] body;
        Auth auth = Auth.NONE;
        /** The API's rules refuse this request: a 2xx or 3xx is a violation. */
        boolean mustRefuse;
        /** Broken framing: closing the connection without an answer is acceptable. */
        boolean mayClose;
        /** Framing that leaves the body's end unknown: a server may wait for more, until its own read deadline. */
        boolean mayHang;
        /** An HTTP-level status for the protocol itself (501 for an unknown method or coding, 505 for a version). */
        boolean protocolStatus;
        /** A whole request line instead of method, target and version. */
        String requestLine;

        boolean noHost;
        /** Documentation, metrics: their successes need not be JSON. */
        boolean docs;
        /** Changes the run's second merchant: one at a time, so that each probe meets one rule, not a race. */
        boolean serial;

        Probe header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        Probe json(String text) {
            body = text.getBytes(StandardCharsets.UTF_8);
            return header("Content-Type", "application/json");
        }

        /** Everything the request carries, as text, to look for what comes back. */
        String sent() {
            StringBuilder all =
                    new StringBuilder(String.valueOf(target)).append(' ').append(String.valueOf(requestLine));
            headers.forEach(h -> all.append(' ').append(h[1]));
            if (body != null) {
                all.append(' ').append(new String(body, StandardCharsets.UTF_8));
            }
            return all.toString();
        }

        boolean has(String name) {
            return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(name));
        }

        String describe() {
            String shown = requestLine != null ? requestLine : method + " " + target;
            return "#" + index + " " + printable(shown, 160);
        }
    }

    /** An endpoint, with real ids in its path. */
    record Route(String method, String path, Auth auth, String name) {}

    // ---------------------------------------------------------------------------------------------
    // A run

    static final class Run {
        private final URI base;
        private final String host;
        private final int port;
        private final String root;
        private final String merchantKey;
        private final String adminToken;
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        private String merchant;
        private final List<String> completed = new ArrayList<>();
        private String pending;
        private String refund;
        private String victim;
        private String victimKey;
        private final Object victimLock = new Object();
        private Random random = new Random(0);

        private final Map<String, Group> groups = new ConcurrentHashMap<>();
        private final Map<String, Map<Integer, AtomicInteger>> statuses = new ConcurrentHashMap<>();
        /** Answers of the server's own HTTP layer that its documentation names, by class. */
        private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();

        private final Server server;

        Run(Server server, URI base, String merchantKey, String adminToken) {
            this.server = server;
            this.base = base;
            this.host = base.getHost();
            this.port = base.getPort() == -1 ? 80 : base.getPort();
            this.root = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
            this.merchantKey = merchantKey;
            this.adminToken = adminToken;
        }

        void execute(int count, long seed) {
            Instant start = Instant.now();
            prepare();
            List<Probe> probes = generate(count, seed);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            for (Probe probe : probes) {
                pool.submit(() -> probe(probe));
            }
            pool.shutdown();
            long budget = 60 + probes.size() / 10L;
            boolean finished;
            try {
                finished = pool.awaitTermination(budget, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!finished) {
                pool.shutdownNow();
                record("the run did not finish within " + budget + " s (requests hang)", 0, "-", "-", "-");
            }
            afterwards();
            System.out.println(summary(probes.size(), seed, Duration.between(start, Instant.now())));
            System.out.println(acceptedLine());
            if (!groups.isEmpty()) {
                throw new AssertionError(report(probes.size(), seed));
            }
        }

        // --- preparation: real objects for the probes to aim at ----------------------------------

        private void prepare() {
            FuzzHttp.Answer created =
                    expect(201, call("POST", "/api/v1/payments", Auth.MERCHANT, payment(99_999, "fz_setup")));
            merchant = json(created).getString("merchant_id");
            expect(
                    200,
                    call(
                            "POST",
                            "/api/v1/admin/merchants/" + merchant,
                            Auth.ADMIN,
                            "{\"read_rate_limit\":100000,\"write_rate_limit\":100000}"));
            victim = "fzv_" + Long.toHexString(System.nanoTime());
            expect(
                    201,
                    call(
                            "POST",
                            "/api/v1/admin/merchants",
                            Auth.ADMIN,
                            "{\"id\":\"" + victim + "\",\"name\":\"Fuzzed shop\"}"));
            victimKey = json(expect(201, call("POST", "/api/v1/admin/merchants/" + victim + "/keys", Auth.ADMIN, null)))
                    .getString("id");
            List<String> ids = new ArrayList<>();
            ids.add(json(created).getString("id"));
            for (int i = 0; i < 3; i++) {
                ids.add(json(expect(
                                201, call("POST", "/api/v1/payments", Auth.MERCHANT, payment(99_999, "fz_setup" + i))))
                        .getString("id"));
            }
            Instant deadline = Instant.now().plusSeconds(30);
            for (String id : ids) {
                while (!"completed"
                        .equals(json(expect(200, call("GET", "/api/v1/payments/" + id, Auth.MERCHANT, null)))
                                .getString("status"))) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new AssertionError("payment " + id + " did not complete within 30 s");
                    }
                    Api.sleep(100);
                }
                completed.add(id);
            }
            refund = json(expect(
                            202,
                            call(
                                    "POST",
                                    "/api/v1/payments/" + completed.get(0) + "/refund",
                                    Auth.MERCHANT,
                                    "{\"amount\":1.00,\"reason\":\"requested_by_customer\"}")))
                    .getString("id");
            pending = json(expect(201, call("POST", "/api/v1/payments", Auth.MERCHANT, payment(10, "fz_pending"))))
                    .getString("id");
        }

        /** A valid card payment of {@code amount} dollars. */
        private String payment(int amount, String order) {
            LinkedHashMap<String, String> fields = paymentFields(false);
            fields.put("order_id", quote(order + "_" + Long.toHexString(System.nanoTime())));
            fields.put("amount", amount + ".00");
            return json(fields);
        }

        /**
         * Concurrent changes of one merchant, as two operators (or a retrying script) make them: each
         * answer is a success or a 4xx conflict, never a 500.
         */
        private void concurrentUpdates() {
            String id = "fzc_" + Long.toHexString(System.nanoTime());
            expect(
                    201,
                    call(
                            "POST",
                            "/api/v1/admin/merchants",
                            Auth.ADMIN,
                            "{\"id\":\"" + id + "\",\"name\":\"Busy shop\"}"));
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<java.util.concurrent.Future<FuzzHttp.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < THREADS * 5; i++) {
                String body = "{\"name\":\"Busy shop " + i + "\",\"read_rate_limit\":" + (i + 1) + "}";
                answers.add(pool.submit(() -> {
                    start.await();
                    return call("POST", "/api/v1/admin/merchants/" + id, Auth.ADMIN, body);
                }));
            }
            start.countDown();
            pool.shutdown();
            for (java.util.concurrent.Future<FuzzHttp.Answer> future : answers) {
                try {
                    FuzzHttp.Answer answer = future.get(60, TimeUnit.SECONDS);
                    if (answer.status() >= 500) {
                        record(
                                "5xx",
                                answer.status(),
                                "concurrent updates of one merchant",
                                "POST /admin/merchants/{id}",
                                "POST /api/v1/admin/merchants/" + id + " (" + THREADS + " at once) -> "
                                        + answer.status() + " " + snippet(answer.text()));
                    }
                } catch (Exception e) {
                    record(
                            "no answer within " + TIMEOUT.toSeconds() + " s",
                            0,
                            "concurrent updates of one merchant",
                            "POST /admin/merchants/{id}",
                            String.valueOf(e));
                }
            }
        }

        private void afterwards() {
            concurrentUpdates();
            FuzzHttp.Answer health = call("GET", "/api/v1/health", Auth.NONE, null);
            if (health.status() != 200) {
                record(
                        "health is not 200 after the run",
                        health.status(),
                        "-",
                        "GET /api/v1/health",
                        snippet(health.text()));
            }
            FuzzHttp.Answer create = call("POST", "/api/v1/payments", Auth.MERCHANT, payment(12, "fz_after"));
            if (create.status() != 201) {
                record(
                        "a valid payment is not created after the run",
                        create.status(),
                        "-",
                        "POST /api/v1/payments",
                        snippet(create.text()));
            } else {
                String id = json(create).getString("id");
                FuzzHttp.Answer read = call("GET", "/api/v1/payments/" + id, Auth.MERCHANT, null);
                if (read.status() != 200) {
                    record(
                            "a payment made after the run cannot be read",
                            read.status(),
                            "-",
                            "GET /api/v1/payments/{id}",
                            snippet(read.text()));
                }
            }
        }

        private FuzzHttp.Answer expect(int status, FuzzHttp.Answer answer) {
            if (answer.status() != status) {
                throw new AssertionError("setting up the fuzzing run: expected " + status + ", got " + answer.status()
                        + " " + answer.text());
            }
            return answer;
        }

        private static JsonObject json(FuzzHttp.Answer answer) {
            try (JsonReader reader = Json.createReader(new StringReader(answer.text()))) {
                return reader.readObject();
            }
        }

        private FuzzHttp.Answer call(String method, String path, Auth auth, String body) {
            Probe probe = new Probe();
            probe.method = method;
            probe.target = path;
            probe.auth = auth;
            if (body != null) {
                probe.json(body);
            }
            try {
                return send(probe);
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + ": " + e.getMessage(), e);
            }
        }

        // --- sending ----------------------------------------------------------------------------

        private void probe(Probe probe) {
            try {
                FuzzHttp.Answer answer;
                if (probe.serial) {
                    synchronized (victimLock) {
                        answer = send(probe);
                    }
                } else {
                    answer = send(probe);
                }
                statuses.computeIfAbsent(probe.family, f -> new ConcurrentHashMap<>())
                        .computeIfAbsent(answer.status(), s -> new AtomicInteger())
                        .incrementAndGet();
                check(probe, answer);
            } catch (FuzzHttp.NoAnswer e) {
                statuses.computeIfAbsent(probe.family, f -> new ConcurrentHashMap<>())
                        .computeIfAbsent(0, s -> new AtomicInteger())
                        .incrementAndGet();
                if (e.timedOut()
                        && server == Server.PAYARA
                        && probe.requestLine != null
                        && probe.requestLine.startsWith("CONNECT ")) {
                    accepted.computeIfAbsent(
                                    "CONNECT: no answer, the parser waits for the tunnel", k -> new AtomicInteger())
                            .incrementAndGet();
                } else if (e.timedOut() && !probe.mayHang) {
                    record(
                            "no answer within " + TIMEOUT.toSeconds() + " s",
                            0,
                            probe.input,
                            probe.route,
                            probe.index,
                            probe.describe());
                } else if (!probe.mayClose) {
                    record(
                            "connection closed without an answer",
                            0,
                            probe.input,
                            probe.route,
                            probe.index,
                            probe.describe() + ": " + e.getMessage());
                }
            } catch (IOException | RuntimeException e) {
                record(
                        "the answer could not be read",
                        0,
                        probe.input,
                        probe.route,
                        probe.index,
                        probe.describe() + ": " + e);
            }
        }

        FuzzHttp.Answer send(Probe probe) throws IOException {
            if (viaClient(probe)) {
                try {
                    return sendWithClient(probe);
                } catch (IllegalArgumentException refusedByClient) {
                    // what the JDK client will not send goes over the socket as it is
                } catch (FuzzHttp.NoAnswer e) {
                    if (e.timedOut()) {
                        throw e;
                    }
                    // A kept-alive connection the server had just closed: the same request again,
                    // on a connection of its own.
                }
            }
            return FuzzHttp.exchange(host, port, wire(probe), TIMEOUT, "HEAD".equals(probe.method));
        }

        /** The JDK client takes well-formed requests with small bodies; the rest go over a bare socket. */
        private boolean viaClient(Probe probe) {
            if ("http".equals(probe.family)
                    || probe.requestLine != null
                    || probe.noHost
                    || (probe.body != null && probe.body.length > 60_000)
                    || probe.headers.stream().anyMatch(h -> RAW_ONLY.contains(h[0].toLowerCase(Locale.ROOT)))
                    || !probe.target.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                return false;
            }
            return probe.headers.stream()
                    .allMatch(h -> h[1].chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                            && h[0].chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':'));
        }

        private FuzzHttp.Answer sendWithClient(Probe probe) throws IOException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + root + probe.target))
                    .timeout(TIMEOUT);
            for (String[] header : probe.headers) {
                request.header(header[0], header[1]);
            }
            String credential = credential(probe);
            if (credential != null) {
                request.header("Authorization", credential);
            }
            request.method(
                    probe.method,
                    probe.body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(probe.body));
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                Map<String, List<String>> headers = new TreeMap<>();
                response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
                return new FuzzHttp.Answer(response.statusCode(), headers, response.body());
            } catch (HttpTimeoutException e) {
                throw new FuzzHttp.NoAnswer("no answer within " + TIMEOUT.toSeconds() + " s", true, e);
            } catch (IOException e) {
                throw new FuzzHttp.NoAnswer(String.valueOf(e.getMessage()), false, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        private String origin() {
            return base.getScheme() + "://" + host + ":" + port;
        }

        private String credential(Probe probe) {
            if (probe.has("Authorization")) {
                return null;
            }
            return switch (probe.auth) {
                case MERCHANT -> "Bearer " + merchantKey;
                case ADMIN -> "Bearer " + adminToken;
                case NONE -> null;
            };
        }

        /** The request as bytes on the wire; characters of the probe's strings stand for bytes. */
        private byte[] wire(Probe probe) {
            StringBuilder head = new StringBuilder();
            head.append(
                            probe.requestLine != null
                                    ? probe.requestLine
                                    : probe.method + " " + root + probe.target + " HTTP/1.1")
                    .append("\r\n");
            if (!probe.noHost && !probe.has("Host")) {
                head.append("Host: ").append(host).append(':').append(port).append("\r\n");
            }
            String credential = credential(probe);
            if (credential != null) {
                head.append("Authorization: ").append(credential).append("\r\n");
            }
            for (String[] header : probe.headers) {
                head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
            boolean framed = probe.has("Content-Length") || probe.has("Transfer-Encoding");
            if (!framed
                    && (probe.body != null || List.of("POST", "PUT", "PATCH").contains(probe.method))) {
                head.append("Content-Length: ")
                        .append(probe.body == null ? 0 : probe.body.length)
                        .append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] body = probe.body == null ? new byte[0] : probe.body;
            byte[] all = new byte[start.length + body.length];
            System.arraycopy(start, 0, all, 0, start.length);
            System.arraycopy(body, 0, all, start.length, body.length);
            return all;
        }

        // --- checking ---------------------------------------------------------------------------

        void check(Probe probe, FuzzHttp.Answer answer) {
            int status = answer.status();
            String method = probe.requestLine != null ? probe.requestLine.split(" ", 2)[0] : probe.method;
            boolean head = "HEAD".equals(method);
            String text = decoded(answer);
            String documented = documentedAnswer(probe, status, text);
            if (documented != null) {
                accepted.computeIfAbsent(documented, k -> new AtomicInteger()).incrementAndGet();
            }
            if (status >= 500 && documented == null && !(probe.protocolStatus && (status == 501 || status == 505))) {
                fail(probe, "5xx", status, text);
            }
            if (probe.mustRefuse && status < 400 && documented == null) {
                fail(probe, "accepted input the API must refuse", status, text);
            }
            if (status >= 400 && !head && documented == null) {
                String problem = shapeProblem(answer.header("Content-Type"), text);
                if (problem != null) {
                    fail(probe, "error not in the one JSON shape (" + problem + ")", status, text);
                }
            }
            if (status >= 200 && status < 300 && !head && status != 204 && !probe.docs && documented == null) {
                boolean emptyOptions = "OPTIONS".equals(method) && text.isEmpty();
                if (!emptyOptions) {
                    String problem = jsonProblem(answer.header("Content-Type"), text);
                    if (problem != null) {
                        fail(probe, "success that is not JSON (" + problem + ")", status, text);
                    }
                }
            }
            if (!(probe.docs && status < 300)) {
                Matcher leak = CLASSES.matcher(text);
                if (leak.find()) {
                    fail(probe, "answer names Java classes or a stack trace (" + leak.group() + ")", status, text);
                }
                Matcher name = FRAMEWORKS.matcher(text);
                if (name.find()) {
                    fail(
                            probe,
                            "answer names the server's software ("
                                    + name.group().toLowerCase(Locale.ROOT) + ")",
                            status,
                            text);
                }
            }
            for (String header : List.of("Server", "X-Powered-By")) {
                String value = answer.header(header);
                // The product's name alone is common; its version tells an attacker which flaws to try.
                if (value != null && value.matches(".*\\d+\\.\\d+.*")) {
                    fail(probe, "header " + header + " gives the server's version", status, header + ": " + value);
                }
            }
            String location = answer.header("Location");
            if (location != null && location.contains("evil.example")) {
                fail(probe, "Location follows the Host header", status, "Location: " + location);
            }
            // A card number the request carried (anywhere) must not come back whole. Lists may show
            // what earlier requests stored, which "accepted input the API must refuse" reports.
            String sent = probe.sent();
            if (Stream.concat(Stream.of(VISA), STRAY_CARDS.stream())
                    .anyMatch(card -> sent.contains(card) && text.contains(card))) {
                fail(probe, "a full card number sent comes back in the answer", status, text);
            }
        }

        /**
         * The class of what this server's HTTP layer refuses before the gateway, as docs/servers.md
         * documents it, when the answer is that refusal: a 4xx (a 505 for a request line whose
         * version is not HTTP/1.x) with no body, or Open Liberty's one line naming CWWWC0005I. On
         * Open Liberty also what its own applications answer that the gateway cannot change: a 501
         * (in the error shape) to PATCH on /openapi, the metrics servlet's line of text with its 405
         * to a method other than GET, and a lower-case method served as the
         * upper-case one. Null for everything else, which the gateway must answer itself. The empty
         * 200 that Payara Micro gives an invalid percent-escape in the path (payara/Payara#8000)
         * counts only for that input; that such a request changes nothing is HttpEdgesIT's check.
         */
        String documentedAnswer(Probe probe, int status, String text) {
            String path = path(probe);
            if (server == Server.LIBERTY) {
                String method = requestLine(probe).split(" ", 2)[0];
                if (status == 501
                        && "PATCH".equals(method)
                        && path.startsWith("/openapi")
                        && shapeProblem("application/json", text) == null) {
                    return "PATCH on /openapi: 501 from Open Liberty's OpenAPI servlet, in the error shape";
                }
                if (status == 405 && path.startsWith("/metrics") && text.equals("Only GET method is accepted.")) {
                    return "a method other than GET on /metrics: 405 from Open Liberty's metrics servlet, a line of text";
                }
                if (status < 400
                        && !method.isEmpty()
                        && method.chars().anyMatch(Character::isLowerCase)
                        && method.toUpperCase(Locale.ROOT).matches("GET|HEAD|POST|OPTIONS")) {
                    return "a method in lower case served as the upper-case one";
                }
            }
            boolean bare = text.isEmpty()
                    || server == Server.LIBERTY && status == 400 && text.length() < 400 && text.contains("CWWWC0005I");
            if (!bare) {
                return null;
            }
            if (server == Server.PAYARA && status == 200 && badEscape(path)) {
                return "invalid percent-escape in the path: empty 200 (payara/Payara#8000)";
            }
            if (server == Server.PAYARA && status == 200 && path.matches(".*/(\\.|%2[eE]){1,2}")) {
                return "path ending in a dot segment: empty 200 (as payara/Payara#8000)";
            }
            if (server == Server.PAYARA
                    && status == 200
                    && probe.headers.stream().anyMatch(h -> h[0].equals("Host") && h[1].isBlank())) {
                return "empty Host: empty 200 (as payara/Payara#8000)";
            }
            boolean versionRefused = status == 505 && !requestLine(probe).matches("[!-~]+ [!-~]+ HTTP/1\\.[01]");
            if (!(status >= 400 && status < 500 || versionRefused)) {
                return null;
            }
            String line = requestLine(probe);
            return switch (server) {
                case PAYARA -> {
                    if (!line.matches("[!-~]+ [!-~]+ HTTP/1\\.[01]")) {
                        yield "request line that is not HTTP/1.x";
                    }
                    if (controlInHead(probe)) {
                        yield "control character in the request line or a header";
                    }
                    if (probe.headers.stream().anyMatch(h -> h[1].chars().anyMatch(c -> c > 0x7f))) {
                        yield "byte over 0x7f in a header value";
                    }
                    if (headSize(probe) > 8 * 1024) {
                        yield "request line or headers over 8 KiB";
                    }
                    if (probe.noHost) {
                        yield "no Host on HTTP/1.1";
                    }
                    if (badFraming(probe)) {
                        yield "Content-Length or Transfer-Encoding the parser refuses";
                    }
                    if (probe.headers.stream().anyMatch(h -> !h[0].matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+"))) {
                        yield "invalid header name";
                    }
                    if (probe.headers.size() > 100) {
                        yield "over 100 headers";
                    }
                    if (List.of("GET", "HEAD", "DELETE").contains(probe.method)
                            && probe.body != null
                            && probe.body.length > 0) {
                        yield "a body on GET, HEAD or DELETE";
                    }
                    yield refusedPath(path, false)
                            ? "path the web container refuses (NUL, not UTF-8, backslash, above the root)"
                            : null;
                }
                case WILDFLY -> {
                    if (status == 405 && line.startsWith("CONNECT ")) {
                        yield "CONNECT, refused by Undertow (disallowed-methods)";
                    }
                    if (!line.matches("[!-~]+ [!-~]+ HTTP/1\\.[01]")
                            || line.chars().anyMatch(c -> c < 0x20 || c >= 0x7f)) {
                        yield "request line the parser cannot read";
                    }
                    if (probe.target != null && !probe.target.matches("[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]*")) {
                        yield "request target with a character URIs do not allow";
                    }
                    if (probe.target != null && badEscape(probe.target)) {
                        yield "invalid percent-escape in the path or query";
                    }
                    if (probe.has("Content-Length") && (badFraming(probe) || probe.has("Transfer-Encoding"))) {
                        yield "Content-Length that is not one number, or with chunked";
                    }
                    if (probe.headers.stream().anyMatch(h -> !h[0].matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+"))) {
                        yield "invalid header name";
                    }
                    if (probe.headers.stream()
                                    .filter(h -> h[0].equalsIgnoreCase("Host"))
                                    .count()
                            > 1) {
                        yield "two Host headers";
                    }
                    yield probe.headers.size() > 200 ? "over 200 headers" : null;
                }
                case LIBERTY -> {
                    if ("TRACE".equals(probe.method) && status == 403 && !path.startsWith("/api/v1")) {
                        yield "TRACE outside the API: empty 403";
                    }
                    if (status == 400 && text.contains("CWWWC0005I")) {
                        yield "request URI the web container refuses (CWWWC0005I)";
                    }
                    if (status == 400 && (badEscape(path) || refusedPath(path, true))) {
                        yield "path with an invalid percent-escape, a control character or above the root";
                    }
                    if (!line.matches("[!-~]+ [!-~]+ HTTP/1\\.[01]") || controlInHead(probe)) {
                        yield "request line the parser cannot read, or a control character in the head";
                    }
                    if (line.startsWith("CONNECT ")) {
                        yield "CONNECT, refused by the parser";
                    }
                    if (probe.headers.stream().anyMatch(h -> !h[0].matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+"))) {
                        yield "invalid header name";
                    }
                    if (headSize(probe) > 8 * 1024) {
                        yield "request line or a header over the parser's limit";
                    }
                    yield badFraming(probe) ? "Content-Length or Transfer-Encoding the parser refuses" : null;
                }
            };
        }

        private String requestLine(Probe probe) {
            return probe.requestLine != null
                    ? probe.requestLine
                    : probe.method + " " + root + probe.target + " HTTP/1.1";
        }

        /** The path of the request target after the context root, raw. */
        private static String path(Probe probe) {
            if (probe.requestLine != null || probe.target == null) {
                return "";
            }
            int query = probe.target.indexOf('?');
            return query < 0 ? probe.target : probe.target.substring(0, query);
        }

        private boolean controlInHead(Probe probe) {
            if (requestLine(probe).chars().anyMatch(c -> c < 0x20 || c >= 0x7f)) {
                return true;
            }
            return probe.headers.stream()
                    .anyMatch(h -> (h[0] + h[1]).chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f));
        }

        private int headSize(Probe probe) {
            return requestLine(probe).length()
                    + probe.headers.stream()
                            .mapToInt(h -> h[0].length() + h[1].length() + 4)
                            .sum();
        }

        private static boolean badFraming(Probe probe) {
            List<String> lengths = probe.headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase("Content-Length"))
                    .map(h -> h[1].trim())
                    .toList();
            return lengths.stream().anyMatch(v -> !v.matches("\\d+"))
                    || lengths.stream().distinct().count() > 1
                    || probe.has("Transfer-Encoding");
        }

        static boolean badEscape(String path) {
            for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
                if (i + 2 >= path.length()
                        || Character.digit(path.charAt(i + 1), 16) < 0
                        || Character.digit(path.charAt(i + 2), 16) < 0) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A path a web container refuses once decoded: a NUL (any control character when
         * {@code controls}), bytes that are not UTF-8, a backslash, or a climb above the root.
         */
        static boolean refusedPath(String path, boolean controls) {
            if (badEscape(path)) {
                return false;
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c == '%') {
                    bytes.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            byte[] raw = bytes.toByteArray();
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw));
            } catch (java.nio.charset.CharacterCodingException e) {
                return true;
            }
            String decoded = new String(raw, StandardCharsets.UTF_8);
            if (decoded.indexOf('\\') >= 0
                    || decoded.indexOf('\0') >= 0
                    || controls && decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                return true;
            }
            int depth = 0;
            for (String segment : decoded.split("/")) {
                if (segment.equals("..")) {
                    depth--;
                    if (depth < 0) {
                        return true;
                    }
                } else if (!segment.isEmpty() && !segment.equals(".")) {
                    depth++;
                }
            }
            return false;
        }

        private static String decoded(FuzzHttp.Answer answer) {
            byte[] body = answer.body();
            String encoding = answer.header("Content-Encoding");
            if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip") && body.length > 0) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                } catch (IOException e) {
                    return "<gzip that does not decode>";
                }
            }
            return new String(body, charset(answer.header("Content-Type")));
        }

        /** The charset the answer declares (a client may ask for one in Accept), UTF-8 when none or an unknown one. */
        private static java.nio.charset.Charset charset(String contentType) {
            Matcher declared =
                    Pattern.compile("(?i)charset=\"?([\\w.:-]+)").matcher(contentType == null ? "" : contentType);
            try {
                return declared.find() ? java.nio.charset.Charset.forName(declared.group(1)) : StandardCharsets.UTF_8;
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }

        /** What keeps an error answer from being the one error shape, or null. */
        static String shapeProblem(String contentType, String text) {
            if (text.isBlank()) {
                return "empty body";
            }
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                return text.trim().startsWith("<")
                        ? "HTML/XML, Content-Type " + contentType
                        : "Content-Type " + contentType;
            }
            JsonValue value = parse(text);
            if (value == null) {
                return "not JSON";
            }
            if (!(value instanceof JsonObject object)
                    || object.size() != 1
                    || !(object.get("error") instanceof JsonObject error)) {
                return "no single error object";
            }
            for (String field : List.of("type", "code", "message")) {
                if (!(error.get(field) instanceof jakarta.json.JsonString s)
                        || s.getString().isBlank()) {
                    return "error." + field + " missing or not a string";
                }
            }
            if (!error.containsKey("param")
                    || !(error.get("param").getValueType() == JsonValue.ValueType.NULL
                            || error.get("param").getValueType() == JsonValue.ValueType.STRING)) {
                return "error.param missing";
            }
            if (!(error.get("errors") instanceof jakarta.json.JsonArray)) {
                return "error.errors missing";
            }
            return null;
        }

        static String jsonProblem(String contentType, String text) {
            if (text.isEmpty()) {
                return "empty body";
            }
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                return "Content-Type " + contentType;
            }
            return parse(text) == null ? "not JSON" : null;
        }

        private static JsonValue parse(String text) {
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return reader.readValue();
            } catch (RuntimeException e) {
                return null;
            }
        }

        private void fail(Probe probe, String kind, int status, String text) {
            record(
                    kind,
                    status,
                    probe.input,
                    probe.route,
                    probe.index,
                    probe.describe() + " -> " + status + " " + snippet(text));
        }

        private void record(String kind, int status, String input, String route, String example) {
            record(kind, status, input, route, -1, example);
        }

        private void record(String kind, int status, String input, String route, int index, String example) {
            String key = kind + "|" + input;
            groups.computeIfAbsent(key, k -> new Group(kind, input)).add(route, status, index, example);
        }

        private String report(int requests, long seed) {
            StringBuilder out = new StringBuilder();
            out.append(groups.values().stream().mapToInt(g -> g.count.get()).sum())
                    .append(" violations in ")
                    .append(groups.size())
                    .append(" classes over ")
                    .append(requests)
                    .append(" requests (seed ")
                    .append(seed)
                    .append("; rerun with -Dpaygate.fuzz.seed=")
                    .append(seed)
                    .append("):\n");
            new TreeMap<>(groups.values().stream()
                            .collect(java.util.stream.Collectors.groupingBy(
                                    g -> g.kind, java.util.stream.Collectors.summingInt(g -> g.count.get()))))
                    .forEach((kind, n) ->
                            out.append("  ").append(n).append("x ").append(kind).append('\n'));
            groups.values().stream()
                    .sorted((a, b) -> a.kind.equals(b.kind)
                            ? Integer.compare(b.count.get(), a.count.get())
                            : a.kind.compareTo(b.kind))
                    .forEach(g -> out.append("- ")
                            .append(g.kind)
                            .append(g.statuses.isEmpty() ? "" : " " + g.statuses)
                            .append(", input: ")
                            .append(g.input)
                            .append(" (")
                            .append(g.count.get())
                            .append("x; ")
                            .append(String.join(", ", g.routes))
                            .append(")\n    e.g. ")
                            .append(g.example())
                            .append('\n'));
            return out.append(acceptedLine()).toString();
        }

        /** The server's own answers let through as documented, so that a reader of a failure sees them too. */
        private String acceptedLine() {
            StringBuilder out = new StringBuilder("accepted as documented server behaviour (" + server + "): "
                    + accepted.values().stream().mapToInt(AtomicInteger::get).sum() + " answers in " + accepted.size()
                    + " classes");
            new TreeMap<>(accepted)
                    .forEach((kind, n) ->
                            out.append("\n  ").append(n.get()).append("x ").append(kind));
            return out.toString();
        }

        private String summary(int requests, long seed, Duration took) {
            StringBuilder out = new StringBuilder("Fuzzing: " + requests + " requests, seed " + seed + ", "
                    + took.toSeconds() + " s; statuses by family:");
            new TreeMap<>(statuses).forEach((family, counts) -> {
                out.append("\n  ").append(family).append(':');
                new TreeMap<>(counts)
                        .forEach((status, n) -> out.append(' ')
                                .append(status == 0 ? "none" : status)
                                .append('=')
                                .append(n));
            });
            return out.toString();
        }

        // --- generating -------------------------------------------------------------------------

        record Family(String name, int cases, int weight, Generator generator) {}

        interface Generator {
            void build(Probe probe, int c);
        }

        List<Probe> generate(int count, long seed) {
            random = new Random(seed);
            List<Route> routes = routes();
            List<Route> jsonRoutes = jsonRoutes();
            List<Route> idRoutes = idRoutes();
            List<Family> families = List.of(
                    new Family(
                            "methods",
                            routes.size() * METHODS.size(),
                            10,
                            (p, c) -> methods(p, routes.get(c / METHODS.size()), METHODS.get(c % METHODS.size()))),
                    new Family(
                            "body",
                            jsonRoutes.size() * BODY_CLASSES,
                            35,
                            (p, c) -> body(p, jsonRoutes.get(c % jsonRoutes.size()), c / jsonRoutes.size())),
                    new Family(
                            "path",
                            idRoutes.size() * ID_CLASSES,
                            15,
                            (p, c) -> path(p, idRoutes.get(c % idRoutes.size()), c / idRoutes.size())),
                    new Family("query", 2 * QUERY_CLASSES, 10, (p, c) -> query(p, c % 2 == 0, c / 2)),
                    new Family("headers", HEADER_CLASSES * 4, 15, (p, c) -> headers(p, c % HEADER_CLASSES)),
                    new Family("http", HTTP_CASES, 8, this::http),
                    new Family("routes", ROUTE_CASES, 7, this::otherRoutes));
            List<Probe> probes = new ArrayList<>();
            for (Family family : families) {
                for (int c = 0; c < family.cases(); c++) {
                    probes.add(make(family, c));
                }
            }
            int weights = families.stream().mapToInt(Family::weight).sum();
            while (probes.size() < count) {
                int pick = random.nextInt(weights);
                for (Family family : families) {
                    pick -= family.weight();
                    if (pick < 0) {
                        probes.add(make(family, random.nextInt(family.cases())));
                        break;
                    }
                }
            }
            Collections.shuffle(probes, random);
            for (int i = 0; i < probes.size(); i++) {
                probes.get(i).index = i;
            }
            return probes;
        }

        private Probe make(Family family, int c) {
            Probe probe = new Probe();
            probe.family = family.name();
            family.generator().build(probe, c);
            probe.serial = !"GET".equals(probe.method) && probe.target.startsWith("/api/v1/admin/merchants/" + victim);
            return probe;
        }

        private <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }

        private String hex() {
            return Long.toHexString(random.nextLong() & Long.MAX_VALUE);
        }

        private String paid() {
            return pick(completed);
        }

        List<Route> routes() {
            String pay = completed.get(1);
            return List.of(
                    new Route("POST", "/api/v1/payments", Auth.MERCHANT, "POST /payments"),
                    new Route("GET", "/api/v1/payments", Auth.MERCHANT, "GET /payments"),
                    new Route("GET", "/api/v1/payments/" + pay, Auth.MERCHANT, "GET /payments/{id}"),
                    new Route(
                            "POST",
                            "/api/v1/payments/" + pending + "/cancel",
                            Auth.MERCHANT,
                            "POST /payments/{id}/cancel"),
                    new Route(
                            "POST", "/api/v1/payments/" + pay + "/refund", Auth.MERCHANT, "POST /payments/{id}/refund"),
                    new Route(
                            "GET", "/api/v1/payments/" + pay + "/refunds", Auth.MERCHANT, "GET /payments/{id}/refunds"),
                    new Route(
                            "GET",
                            "/api/v1/payments/" + pay + "/transactions",
                            Auth.MERCHANT,
                            "GET /payments/{id}/transactions"),
                    new Route("GET", "/api/v1/refunds/" + refund, Auth.MERCHANT, "GET /refunds/{id}"),
                    new Route("GET", "/api/v1/health", Auth.NONE, "GET /health"),
                    new Route("POST", "/api/v1/admin/merchants", Auth.ADMIN, "POST /admin/merchants"),
                    new Route("GET", "/api/v1/admin/merchants", Auth.ADMIN, "GET /admin/merchants"),
                    // The run's own merchant is never a target: a POST there would change its rate limits.
                    new Route("GET", "/api/v1/admin/merchants/" + victim, Auth.ADMIN, "GET /admin/merchants/{id}"),
                    new Route("POST", "/api/v1/admin/merchants/" + victim, Auth.ADMIN, "POST /admin/merchants/{id}"),
                    new Route(
                            "POST",
                            "/api/v1/admin/merchants/" + victim + "/keys",
                            Auth.ADMIN,
                            "POST /admin/merchants/{id}/keys"),
                    new Route(
                            "GET",
                            "/api/v1/admin/merchants/" + victim + "/keys",
                            Auth.ADMIN,
                            "GET /admin/merchants/{id}/keys"),
                    new Route(
                            "POST",
                            "/api/v1/admin/merchants/" + victim + "/keys/" + victimKey + "/revoke",
                            Auth.ADMIN,
                            "POST /admin/merchants/{id}/keys/{key}/revoke"),
                    new Route("GET", "/api/v1/nothing-here", Auth.MERCHANT, "unknown route"),
                    new Route("GET", "/nothing-here", Auth.NONE, "unknown route outside the API"),
                    new Route("GET", "/api/v1/application.wadl", Auth.MERCHANT, "GET /application.wadl"),
                    new Route("GET", "/openapi", Auth.NONE, "GET /openapi"),
                    new Route("GET", "/apidocs/", Auth.NONE, "GET /apidocs/"));
        }

        List<Route> jsonRoutes() {
            return List.of(
                    new Route("POST", "/api/v1/payments", Auth.MERCHANT, "POST /payments"),
                    new Route("POST", "/api/v1/payments/{paid}/refund", Auth.MERCHANT, "POST /payments/{id}/refund"),
                    new Route("POST", "/api/v1/admin/merchants", Auth.ADMIN, "POST /admin/merchants"),
                    new Route("POST", "/api/v1/admin/merchants/" + victim, Auth.ADMIN, "POST /admin/merchants/{id}"));
        }

        List<Route> idRoutes() {
            return List.of(
                    new Route("GET", "/api/v1/payments/{}", Auth.MERCHANT, "GET /payments/{id}"),
                    new Route("POST", "/api/v1/payments/{}/cancel", Auth.MERCHANT, "POST /payments/{id}/cancel"),
                    new Route("POST", "/api/v1/payments/{}/refund", Auth.MERCHANT, "POST /payments/{id}/refund"),
                    new Route("GET", "/api/v1/payments/{}/refunds", Auth.MERCHANT, "GET /payments/{id}/refunds"),
                    new Route(
                            "GET",
                            "/api/v1/payments/{}/transactions",
                            Auth.MERCHANT,
                            "GET /payments/{id}/transactions"),
                    new Route("GET", "/api/v1/refunds/{}", Auth.MERCHANT, "GET /refunds/{id}"),
                    new Route("GET", "/api/v1/admin/merchants/{}", Auth.ADMIN, "GET /admin/merchants/{id}"),
                    new Route("POST", "/api/v1/admin/merchants/{}", Auth.ADMIN, "POST /admin/merchants/{id}"),
                    new Route("GET", "/api/v1/admin/merchants/{}/keys", Auth.ADMIN, "GET /admin/merchants/{id}/keys"),
                    new Route(
                            "POST",
                            "/api/v1/admin/merchants/" + victim + "/keys/{}/revoke",
                            Auth.ADMIN,
                            "POST /admin/merchants/{id}/keys/{key}/revoke"));
        }

        // --- methods: every route with every method -----------------------------------------------

        void methods(Probe p, Route route, String method) {
            p.route = route.name();
            p.input = "method " + method;
            p.method = method;
            p.target = route.path();
            p.auth = route.auth();
            p.docs = route.path().startsWith("/openapi") || route.path().startsWith("/apidocs");
            // A refund without a body refunds everything left, which would end the refunds the other probes aim at.
            if (List.of("POST", "PUT", "PATCH").contains(method)
                    && (random.nextBoolean() || route.name().endsWith("/refund"))) {
                p.json(validBody(route.name()));
            }
            if ("OPTIONS".equals(method) && random.nextBoolean()) {
                p.header("Origin", "https://shop.example").header("Access-Control-Request-Method", "POST");
                p.input = "method OPTIONS (CORS preflight)";
            }
            // No route takes these; TRACE would echo the request, credentials included.
            p.mustRefuse = List.of("PUT", "DELETE", "PATCH", "TRACE").contains(method);
        }

        private String validBody(String routeName) {
            return switch (routeName) {
                case "POST /payments" -> json(paymentFields(random.nextBoolean()));
                case "POST /payments/{id}/refund" -> json(refundFields());
                case "POST /admin/merchants" -> json(merchantFields(true));
                case "POST /admin/merchants/{id}" -> json(merchantFields(false));
                default -> "{}";
            };
        }

        // --- bodies --------------------------------------------------------------------------------

        static final int BODY_CLASSES = 16;

        void body(Probe p, Route route, int kind) {
            p.route = route.name();
            p.method = "POST";
            // An empty refund body refunds everything left: it goes to the pending payment, which has nothing to
            // refund.
            p.target = route.path().replace("{paid}", kind == 10 ? pending : paid());
            p.auth = route.auth();
            boolean payment = route.name().equals("POST /payments");
            boolean create = payment || route.name().equals("POST /admin/merchants");
            LinkedHashMap<String, String> fields = switch (route.name()) {
                case "POST /payments" -> paymentFields(random.nextBoolean());
                case "POST /payments/{id}/refund" -> refundFields();
                case "POST /admin/merchants" -> merchantFields(true);
                default -> merchantFields(false);
            };
            List<String> keys = new ArrayList<>(fields.keySet());
            List<String> textKeys =
                    keys.stream().filter(k -> fields.get(k).startsWith("\"")).toList();
            String field = pick(keys);
            String textField = pick(textKeys);
            switch (kind) {
                case 0 -> {
                    p.input = "body: malformed JSON";
                    p.mustRefuse = true;
                    String whole = json(fields);
                    String broken = switch (random.nextInt(16)) {
                        case 0 -> whole.substring(0, 1 + random.nextInt(whole.length() - 1));
                        case 1 -> whole + "}";
                        case 2 -> whole + "x";
                        case 3 -> whole.replace(":", "=");
                        case 4 -> whole.replace('"', '\'');
                        case 5 -> whole.substring(0, whole.length() - 1) + ",}";
                        case 6 -> "{/* comment */" + whole.substring(1);
                        case 7 -> json(with(fields, field, pick(List.of("NaN", "Infinity", "-Infinity", "undefined"))));
                        case 8 ->
                            json(with(
                                    fields,
                                    field,
                                    pick(List.of("01", "+1", ".5", "1.", "0x10", "1e", "--1", "1_000"))));
                        case 9 -> json(with(fields, textField, "\"unterminated"));
                        case 10 ->
                            json(with(
                                    fields, textField, pick(List.of("\"\\q\"", "\"\\u12\"", "\"\\uZZZZ\"", "\"\\\""))));
                        case 11 -> json(with(fields, textField, "\"line\nbreak\""));
                        case 12 -> whole.replaceFirst("\"(\\w+)\":", "$1:");
                        case 13 -> "{" + whole;
                        case 14 -> whole.substring(0, whole.length() - 1);
                        default -> "{\"a\":}";
                    };
                    p.json(broken);
                }
                case 1 -> {
                    p.input = "body: wrong type";
                    p.json(json(with(
                            fields,
                            field,
                            pick(List.of(
                                    "true",
                                    "false",
                                    "null",
                                    "[]",
                                    "{}",
                                    "\"str\"",
                                    "123",
                                    "-1",
                                    "1.5",
                                    "[1,2]",
                                    "{\"a\":1}",
                                    "\"\"")))));
                }
                case 2 -> {
                    p.input = "body: huge number";
                    p.mustRefuse = true;
                    String digits = "9".repeat(1_100);
                    String number = pick(List.of(
                            digits,
                            "1e9999999999",
                            "-1e9999999999",
                            "1e-9999999999",
                            "1." + digits,
                            "0." + "0".repeat(1_100) + "1",
                            "123456789012345678901234567890",
                            "9223372036854775808",
                            "1E+2147483648",
                            "1e400",
                            "-" + digits,
                            digits + "e" + digits));
                    p.json(json(with(
                            fields,
                            pick(keys.stream().filter(Run::isNumberField).toList()),
                            number)));
                }
                case 3 -> {
                    p.input = "body: deep nesting";
                    p.mustRefuse = true;
                    int depth = pick(List.of(1_000, 1_000, 5_000, 20_000));
                    String nested = random.nextBoolean()
                            ? "[".repeat(depth) + "]".repeat(depth)
                            : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                    p.json(random.nextInt(4) == 0 ? nested : json(with(fields, field, nested)));
                }
                case 4 -> {
                    p.input = "body: NUL or control character in a string";
                    p.mustRefuse = true;
                    String control =
                            pick(List.of("\\u0000", "\\u0000", "\\u0001", "\\u0008", "\\u001b", "\\u001f", "\\u000b"));
                    p.json(json(with(fields, textField, inject(fields.get(textField), control))));
                }
                case 5 -> {
                    p.input = "body: unusual characters in a string";
                    String odd = pick(List.of(
                            "\\u007f",
                            "\\u0085",
                            "\\u2028",
                            "\\ud800",
                            "\\udfff",
                            "\\uffff",
                            "\\ufeff",
                            "\\u202e",
                            "\\ud83d\\udcb3",
                            "\t",
                            "\\t",
                            "\\n",
                            "\u00e9",
                            "%00",
                            "\\\\",
                            "' OR '1'='1",
                            "<script>"));
                    p.json(json(with(fields, textField, inject(fields.get(textField), odd))));
                }
                case 6 -> {
                    p.input = "body: invalid UTF-8";
                    byte[] bad = pick(List.of(
                            new byte[] {(byte) 0xc3, 0x28},
                            new byte[] {(byte) 0xff},
                            new byte[] {(byte) 0xc0, (byte) 0xaf},
                            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                            new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
                            new byte[] {(byte) 0xe2, (byte) 0x82},
                            new byte[] {(byte) 0xfe, (byte) 0xff}));
                    String value = fields.get(textField);
                    String before =
                            json(with(fields, textField, value.substring(0, value.length() - 1) + "\u0001MARK\""));
                    byte[] text = before.getBytes(StandardCharsets.UTF_8);
                    p.json(before);
                    p.body = splice(text, "\u0001MARK".getBytes(StandardCharsets.UTF_8), bad);
                }
                case 7 -> {
                    p.input = "body: huge string";
                    int size = pick(List.of(60_000, 70_000, 70_000, 1_048_576));
                    p.mustRefuse = size > 65_000;
                    if (p.mustRefuse) {
                        p.input = "body: over 64 KiB";
                    }
                    p.json(json(with(fields, textField, "\"" + "a".repeat(size) + "\"")));
                }
                case 8 -> {
                    p.input = "body: unknown field";
                    p.mustRefuse = true;
                    String name = pick(List.of(
                            "colour",
                            "__proto__",
                            "",
                            "amount ",
                            "AMOUNT",
                            "x".repeat(5_000),
                            "constructor",
                            "$where"));
                    LinkedHashMap<String, String> more = new LinkedHashMap<>(fields);
                    more.put(name, pick(List.of("\"blue\"", "1", "{}", "null")));
                    p.json(json(more));
                }
                case 9 -> {
                    p.input = "body: duplicate keys";
                    String whole = json(fields);
                    p.json(whole.substring(0, whole.length() - 1) + ",\"" + field + "\":"
                            + pick(List.of("\"x\"", "1", "null", fields.get(field))) + "}");
                }
                case 10 -> {
                    p.input = "body: empty";
                    p.mustRefuse = create;
                    p.json(pick(List.of("", " ", "\r\n", "\t")));
                    if (p.body.length == 0 && random.nextBoolean()) {
                        p.body = null;
                        p.headers.clear();
                    }
                }
                case 11 -> {
                    p.input = "body: not an object";
                    p.mustRefuse = true;
                    p.json(pick(List.of(
                            "[]", "[" + json(fields) + "]", "42", "\"text\"", "null", "true", "false", "-0", "1e5")));
                }
                case 12 -> {
                    p.input = "body: not JSON media type";
                    p.mustRefuse = true;
                    p.body = json(fields).getBytes(StandardCharsets.UTF_8);
                    p.header(
                            "Content-Type",
                            pick(List.of(
                                    "text/plain",
                                    "application/xml",
                                    "application/x-www-form-urlencoded",
                                    "multipart/form-data; boundary=x",
                                    "application/octet-stream",
                                    "image/png",
                                    "text/html; charset=utf-8")));
                }
                case 13 -> {
                    p.input = "body: odd Content-Type";
                    p.body = json(fields).getBytes(StandardCharsets.UTF_8);
                    String type = pick(List.of(
                            "application/json; charset=latin1",
                            "application/json; charset=utf-16",
                            "application/json; charset=nonsense",
                            "application/json; charset=",
                            "application/json;;",
                            "application/json; foo",
                            "APPLICATION/JSON",
                            "application/json, text/plain",
                            "",
                            "*/*",
                            "application/*",
                            "application/json; charset=utf-8; charset=ascii",
                            "application/problem+json",
                            "application/json; charset=\"utf-8\"",
                            "application/json; charset=utf-32",
                            "json",
                            "/",
                            "application/"));
                    if (!type.isEmpty() || random.nextBoolean()) {
                        p.header("Content-Type", type);
                    }
                }
                case 14 -> {
                    p.input = "body: card number in a free-text field";
                    p.mustRefuse = true;
                    List<String> free = switch (route.name()) {
                        case "POST /payments" -> List.of("description", "customer_name", "order_id");
                        case "POST /payments/{id}/refund" -> List.of("reason");
                        default -> List.of("name");
                    };
                    String at = pick(free);
                    String card = pick(STRAY_CARDS);
                    String value =
                            at.equals("order_id") ? card : pick(List.of(card, "card " + card + " thanks", card + "-x"));
                    p.json(json(with(fields, at, quote(value))));
                }
                default -> {
                    p.input = "body: numbers in unusual forms";
                    p.json(json(with(
                            fields,
                            pick(keys.stream().filter(Run::isNumberField).toList()),
                            pick(List.of(
                                    "1e1",
                                    "-0",
                                    "0.1e1",
                                    "10.000",
                                    "1E-2",
                                    "\"10.00\"",
                                    "\" 10\"",
                                    "0",
                                    "-0.0",
                                    "1e-7",
                                    "100000000",
                                    "0.005")))));
                }
            }
            if (p.mustRefuse && kind == 10 && !create) {
                p.mustRefuse = false;
            }
            if (route.name().endsWith("/refund")
                    && new String(p.body == null ? new byte[0] : p.body, StandardCharsets.UTF_8)
                            .contains("\"amount\":null")) {
                p.target = route.path().replace("{paid}", pending); // no amount refunds everything left
            }
        }

        private static boolean isNumberField(String name) {
            return name.contains("amount") || name.contains("month") || name.contains("year") || name.contains("rate");
        }

        LinkedHashMap<String, String> paymentFields(boolean withMerchant) {
            LinkedHashMap<String, String> f = new LinkedHashMap<>();
            if (withMerchant) {
                f.put("merchant_id", quote(merchant));
            }
            f.put("order_id", quote("fz_" + hex()));
            f.put("amount", "10.00");
            f.put("currency", "\"USD\"");
            f.put("payment_method", "\"credit_card\"");
            f.put("customer_email", "\"fuzz@example.com\"");
            f.put("customer_name", "\"Jane Roe\"");
            f.put("card_number", quote(VISA));
            f.put("card_expiry_month", "12");
            f.put("card_expiry_year", Integer.toString(Year.now().getValue() + 3));
            f.put("card_cvv", "\"123\"");
            f.put("description", "\"fuzz\"");
            return f;
        }

        LinkedHashMap<String, String> refundFields() {
            LinkedHashMap<String, String> f = new LinkedHashMap<>();
            f.put("amount", "0.01");
            f.put("reason", "\"requested_by_customer\"");
            return f;
        }

        LinkedHashMap<String, String> merchantFields(boolean create) {
            LinkedHashMap<String, String> f = new LinkedHashMap<>();
            if (create) {
                f.put("id", quote("fz_" + hex()));
            }
            f.put("name", "\"Fuzz shop\"");
            f.put("webhook_url", "\"https://shop.example/hooks\"");
            f.put("read_rate_limit", "50");
            return f;
        }

        private static LinkedHashMap<String, String> with(Map<String, String> fields, String key, String raw) {
            LinkedHashMap<String, String> copy = new LinkedHashMap<>(fields);
            copy.put(key, raw);
            return copy;
        }

        /** Puts raw JSON string text inside a quoted value, at its start, middle or end. */
        private String inject(String quoted, String raw) {
            String inner = quoted.substring(1, quoted.length() - 1);
            int at = pick(List.of(0, inner.length() / 2, inner.length()));
            return "\"" + inner.substring(0, at) + raw + inner.substring(at) + "\"";
        }

        static String json(Map<String, String> fields) {
            StringBuilder out = new StringBuilder("{");
            fields.forEach((k, v) -> out.append(out.length() > 1 ? "," : "")
                    .append(quote(k))
                    .append(':')
                    .append(v));
            return out.append('}').toString();
        }

        static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char ch : s.toCharArray()) {
                if (ch == '"' || ch == '\\') {
                    out.append('\\').append(ch);
                } else if (ch < 0x20) {
                    out.append(String.format("\\u%04x", (int) ch));
                } else {
                    out.append(ch);
                }
            }
            return out.append('"').toString();
        }

        private static byte[] splice(byte[] text, byte[] marker, byte[] replacement) {
            for (int i = 0; i + marker.length <= text.length; i++) {
                boolean match = true;
                for (int j = 0; j < marker.length && match; j++) {
                    match = text[i + j] == marker[j];
                }
                if (match) {
                    byte[] out = new byte[text.length - marker.length + replacement.length];
                    System.arraycopy(text, 0, out, 0, i);
                    System.arraycopy(replacement, 0, out, i, replacement.length);
                    System.arraycopy(
                            text, i + marker.length, out, i + replacement.length, text.length - i - marker.length);
                    return out;
                }
            }
            throw new IllegalStateException("marker not found");
        }

        // --- ids in paths -------------------------------------------------------------------------

        static final int ID_CLASSES = 8;

        void path(Probe p, Route route, int kind) {
            p.route = route.name();
            p.method = route.method();
            p.auth = route.auth();
            String id;
            p.mustRefuse = true;
            switch (kind) {
                case 0 -> {
                    p.input = "path: control character (percent-encoded) in an id";
                    id = pick(List.of("%00", "pay_%00", "%01", "pay_x%0a", "%0d%0a", "%1f", "pay_%1b", "%00" + hex()));
                }
                case 1 -> {
                    p.input = "path: invalid percent-encoding";
                    id = pick(List.of("%zz", "%", "%2", "%g0", "pay_%zz", "%%", "%u0041"));
                }
                case 2 -> {
                    p.input = "path: invalid UTF-8 (percent-encoded)";
                    id = pick(List.of("%c3%28", "%ff", "%c0%af", "%ed%a0%80", "pay_%fe%ff", "%e2%82"));
                }
                case 3 -> {
                    p.input = "path: raw bytes not allowed in a request target";
                    p.mayClose = true;
                    p.protocolStatus =
                            true; // a space or tab splits the request line: 505 for what then reads as the version
                    id = pick(List.of(
                            "pay x",
                            "pay\u0001x",
                            "pay\u00ffx",
                            "pay\u0000x",
                            "pay\tx",
                            "pay\"x",
                            "pay<x>",
                            "pay{x}",
                            "pay\u007fx",
                            latin1("pay_\u00e9"),
                            latin1("pay_\u20ac")));
                }
                case 4 -> {
                    p.input = "path: overlong id";
                    int length = pick(List.of(65, 300, 5_000, 60_000));
                    p.mayClose = length > 10_000;
                    id = "pay_" + "a".repeat(length);
                }
                case 5 -> {
                    p.input = "path: odd characters in an id";
                    id = pick(List.of(
                            "%20",
                            "a%2fb",
                            "a%252fb",
                            "%3b",
                            "%f0%9f%92%b3",
                            "'",
                            "%22",
                            "%3Cscript%3E",
                            "'%20OR%201=1--",
                            "%7Bid%7D",
                            "pay_",
                            "re_x",
                            "-1",
                            "0",
                            "null",
                            "%2B",
                            "*",
                            "$",
                            "~",
                            "pay_x;x=1",
                            "pay_x%3Bx=1"));
                }
                case 6 -> {
                    p.input = "path: dot segments";
                    p.mustRefuse = false;
                    id = pick(List.of(".", "..", "%2e", "%2e%2e", ".%2e", "./x", "../x"));
                }
                default -> {
                    p.input = "path: a real id with a control character or changed case";
                    String real = route.path().contains("/refunds/")
                            ? refund
                            : route.path().contains("/admin/merchants/{}") ? victim : paid();
                    if (route.path().contains("/keys/{}")) {
                        real = victimKey;
                    }
                    id = pick(List.of(
                            real + "%00", real + "%0a", "%00" + real, real.toUpperCase(Locale.ROOT), real + "%20"));
                    if (id.equals(real.toUpperCase(Locale.ROOT)) || id.endsWith("%20")) {
                        p.mustRefuse = false;
                    }
                }
            }
            p.target = route.path().replace("{}", id);
            if (p.method.equals("POST") && route.name().endsWith("/refund")) {
                p.json(json(refundFields()));
            } else if (route.name().equals("POST /admin/merchants/{id}")) {
                p.json(json(merchantFields(false)));
            }
        }

        // --- queries ----------------------------------------------------------------------------

        static final int QUERY_CLASSES = 6;

        void query(Probe p, boolean payments, int kind) {
            p.route = payments ? "GET /payments" : "GET /admin/merchants";
            p.auth = payments ? Auth.MERCHANT : Auth.ADMIN;
            String path = payments ? "/api/v1/payments" : "/api/v1/admin/merchants";
            String query;
            switch (kind) {
                case 0 -> {
                    p.input = "query: invalid limit";
                    p.mustRefuse = true;
                    query = "limit="
                            + pick(List.of(
                                    "-1",
                                    "0",
                                    "101",
                                    "abc",
                                    "1e3",
                                    "99999999999999999999",
                                    "1.5",
                                    "0x10",
                                    "%00",
                                    "%0a10x",
                                    "9".repeat(1_100),
                                    "%zz",
                                    "%ff"));
                }
                case 1 -> {
                    p.input = "query: unusual limit";
                    query = pick(List.of(
                            "limit=",
                            "limit=%2010",
                            "limit=+10",
                            "limit=010",
                            "limit=1&limit=2",
                            "limit=1&limit=abc",
                            "limit",
                            "limit=10%00",
                            "limit=10%0a"));
                }
                case 2 -> {
                    p.input = "query: bad starting_after";
                    String value = pick(List.of(
                            "pay_nope",
                            "x",
                            "%00",
                            "pay_%0a",
                            "a".repeat(5_000),
                            "%zz",
                            "%ff",
                            "%c3%28",
                            "pay_%1b",
                            "%00" + paid()));
                    p.mustRefuse = payments
                            || value.contains("%0")
                            || value.contains("%1")
                            || value.equals("%zz")
                            || value.equals("%ff")
                            || value.equals("%c3%28");
                    query = "starting_after=" + value;
                }
                case 3 -> {
                    p.input = "query: bad status";
                    String value = pick(List.of(
                            "x", "completed%00", "%00", "s".repeat(5_000), "%zz", "completed%0a", "COMPLETED", "%ff"));
                    p.mustRefuse = payments && !value.equals("COMPLETED");
                    query = "status=" + value;
                }
                case 4 -> {
                    p.input = "query: bad merchant_id";
                    String value = pick(
                            List.of("m_other", "%00", "m".repeat(5_000), "%zz", merchant + "%00", merchant + "%0a"));
                    p.mustRefuse = payments;
                    query = "merchant_id=" + value;
                }
                default -> {
                    p.input = "query: garbled query";
                    query = pick(List.of(
                            "foo=bar",
                            "&&&",
                            "=",
                            "%zz=1",
                            "a=%zz",
                            "q=" + "x".repeat(10_000),
                            ";",
                            "limit=5;x=1",
                            "a=%00",
                            "%00=1",
                            "a[]=1&a[]=2",
                            "a=1&a=2&a=3"));
                    p.mustRefuse = false;
                }
            }
            p.target = path + "?" + query;
        }

        // --- headers ----------------------------------------------------------------------------

        static final int HEADER_CLASSES = 7;

        void headers(Probe p, int kind) {
            List<Route> routes = routes();
            switch (kind) {
                case 0 -> {
                    Route route = pick(routes.subList(0, 16));
                    aim(p, route, true);
                    p.input = "header: odd Accept";
                    String accept = pick(List.of(
                            "application/xml",
                            "text/html",
                            "text/plain",
                            "application/json; charset=nonsense",
                            "application/json;charset=utf-16",
                            "*/*;q=abc",
                            "application/json;q=0",
                            ";;;",
                            "garbage",
                            "image/png",
                            "application/json, " + "text/x-a;q=0.1, ".repeat(400) + "*/*",
                            "application/json;charset=\"\"",
                            "text/*;charset=nonsense",
                            "*/*; charset=nonsense",
                            "application/json;charset=ascii"));
                    p.header("Accept", accept);
                    if (random.nextInt(4) == 0) {
                        p.header("Accept-Charset", pick(List.of("nonsense", "utf-16;q=1, *;q=0", "iso-8859-1")));
                    }
                }
                case 1 -> {
                    Route route = pick(List.of(routes.get(0), routes.get(3), routes.get(4)));
                    aim(p, route, true);
                    p.input = "header: bad Idempotency-Key";
                    p.mustRefuse = true;
                    String key = pick(List.of(
                            "k".repeat(256),
                            "k".repeat(5_000),
                            latin1("ключ-1"),
                            "key\u0001x",
                            "key\u001bx",
                            STRAY_CARDS.get(0),
                            "key\u007fx",
                            latin1("caf\u00e9")));
                    if (key.equals(STRAY_CARDS.get(0))) {
                        p.input = "header: card number as Idempotency-Key";
                    }
                    p.mayClose = key.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f);
                    p.header("Idempotency-Key", key);
                }
                case 2 -> {
                    Route route = pick(List.of(routes.get(0), routes.get(3), routes.get(4)));
                    aim(p, route, true);
                    p.input = "header: unusual Idempotency-Key";
                    p.header(
                            "Idempotency-Key",
                            pick(List.of("", " ", "\"quoted\"", "k".repeat(255), "a b c", "key;x=1", "%00", "key\tx")));
                }
                case 3 -> {
                    Route route = pick(routes.subList(0, 16).stream()
                            .filter(r -> r.auth() != Auth.NONE)
                            .toList());
                    aim(p, route, true);
                    p.input = "header: bad Authorization";
                    p.mustRefuse = true;
                    String other = route.auth() == Auth.ADMIN ? merchantKey : adminToken;
                    String own = route.auth() == Auth.ADMIN ? adminToken : merchantKey;
                    String value = pick(List.of(
                            "",
                            "Bearer",
                            "Bearer ",
                            "Bearer x",
                            "Bearer " + own + "x",
                            "Basic !!!",
                            "Basic " + b64("wrong:"),
                            "Basic " + b64("nocolon"),
                            "Digest username=\"x\"",
                            "Bearer " + "a".repeat(10_000),
                            "Bearer " + other,
                            "Bearer " + middle(own, "\u0001"),
                            latin1("Bearer ключ"),
                            "Bearer " + own.substring(0, own.length() - 1),
                            "Token " + own,
                            own));
                    if (value.isEmpty()) {
                        p.auth = Auth.NONE;
                        p.input = "header: no Authorization";
                    } else {
                        p.header("Authorization", value);
                    }
                    p.mayClose = value.contains("\u0001");
                }
                case 4 -> {
                    Route route = pick(List.of(routes.get(0), routes.get(4), routes.get(9), routes.get(12)));
                    aim(p, route, false);
                    p.input = "header: unusual Authorization that may be accepted";
                    String own = route.auth() == Auth.ADMIN ? adminToken : merchantKey;
                    p.header(
                            "Authorization",
                            pick(List.of(
                                    "bearer " + own,
                                    "BEARER " + own,
                                    "Bearer  " + own,
                                    "Bearer " + own + " ",
                                    "Basic " + b64(own + ":"),
                                    "Basic " + b64(own + ":x"),
                                    "Bearer " + own + " " + own)));
                    p.json(validBody(route.name()));
                }
                case 5 -> {
                    Route route = pick(List.of(routes.get(0), routes.get(4), routes.get(9)));
                    aim(p, route, false);
                    p.input = "header: forged Host";
                    p.json(validBody(route.name()));
                    p.header(
                            "Host",
                            pick(List.of("evil.example.com", "evil.example.com:8443", "evil.example.com:" + port)));
                }
                default -> {
                    Route route = pick(routes.subList(0, 16));
                    aim(p, route, true);
                    p.input = "header: other odd headers";
                    String[] header = pick(List.of(
                            new String[] {"X-Forwarded-Host", "evil.example.com"},
                            new String[] {"X-Forwarded-Proto", "gopher"},
                            new String[] {"Forwarded", "host=evil.example.com;proto=https"},
                            new String[] {"X-HTTP-Method-Override", "DELETE"},
                            new String[] {"Origin", "null"},
                            new String[] {"Origin", "https://evil.example"},
                            new String[] {"Range", "bytes=0-1"},
                            new String[] {"If-None-Match", "*"},
                            new String[] {"If-Modified-Since", "yesterday"},
                            new String[] {"Content-Encoding", "gzip"},
                            new String[] {"Accept-Encoding", "gzip"},
                            new String[] {"Accept-Language", "xx;q=2"},
                            new String[] {"X-Note", "x".repeat(7_000)},
                            new String[] {"Cookie", "JSESSIONID=" + "x".repeat(100)},
                            new String[] {"Content-Type", "application/json"}));
                    p.header(header[0], header[1]);
                }
            }
        }

        /** Points a probe at a route; with a body that the route accepts when asked. */
        private void aim(Probe p, Route route, boolean withBody) {
            p.route = route.name();
            p.method = route.method();
            p.target = route.path();
            p.auth = route.auth();
            p.docs = route.path().startsWith("/openapi") || route.path().startsWith("/apidocs");
            if (withBody
                    && route.method().equals("POST")
                    && !route.name().endsWith("/keys")
                    && !route.name().endsWith("/revoke")) {
                p.json(validBody(route.name()));
            }
        }

        // --- the HTTP layer ---------------------------------------------------------------------

        static final int HTTP_CASES = 40;

        void http(Probe p, int c) {
            p.route = "HTTP layer";
            p.mayClose = true;
            p.mustRefuse = true;
            String api = root + "/api/v1/health";
            String create = "/api/v1/payments";
            switch (c) {
                case 0 -> {
                    p.input = "http: no Host in HTTP/1.1";
                    p.target = "/api/v1/health";
                    p.noHost = true;
                    p.mustRefuse = false;
                }
                case 1 -> {
                    p.input = "http: unsupported version";
                    p.requestLine = "GET " + api + " HTTP/9.9";
                    p.protocolStatus = true;
                    p.mustRefuse = false; // a server may serve it as the highest version it has
                }
                case 2 -> {
                    p.input = "http: HTTP/1.0";
                    p.requestLine = "GET " + api + " HTTP/1.0";
                    p.mustRefuse = false;
                    p.mayClose = false;
                }
                case 3 -> {
                    p.input = "http: malformed request line";
                    p.requestLine = pick(List.of(
                            "GET  " + api + " HTTP/1.1",
                            "GET " + api,
                            "GET " + api + " HTTP/1.1 extra",
                            " GET " + api + " HTTP/1.1",
                            "GET\t" + api + "\tHTTP/1.1",
                            "GET " + api + " http/1.1"));
                    p.mustRefuse = false;
                    p.protocolStatus = true;
                }
                case 4 -> {
                    p.input = "http: unknown method";
                    p.method = pick(List.of("get", "FOO", "PROPFIND", "BREW", "M-SEARCH", "LINK"));
                    p.target = "/api/v1/payments";
                    p.auth = Auth.MERCHANT;
                    p.protocolStatus = true;
                }
                case 5 -> {
                    p.input = "http: absolute-form request target";
                    p.requestLine = "GET http://evil.example.com" + api + " HTTP/1.1";
                    p.mustRefuse = false;
                }
                case 6 -> {
                    p.input = "http: asterisk-form request target";
                    p.requestLine = "OPTIONS * HTTP/1.1";
                    p.mustRefuse = false;
                }
                case 7 -> {
                    p.input = "http: overlong request target";
                    p.target = "/api/v1/payments/" + "a".repeat(pick(List.of(9_000, 20_000, 100_000)));
                    p.auth = Auth.MERCHANT;
                }
                case 8 -> {
                    p.input = "http: invalid header name";
                    p.target = "/api/v1/health";
                    p.mustRefuse = false;
                    p.header(pick(List.of("Bad Header", "X-\u0001", "X(y)", "", "X-\u00e9", "X:Y")), "x");
                }
                case 9 -> {
                    p.input = "http: control character in a header value";
                    p.target = "/api/v1/payments";
                    p.auth = Auth.MERCHANT;
                    p.mustRefuse = false;
                    p.header("X-Note", pick(List.of("a\u0001b", "a\u0000b", "a\u007fb", "a\u001bb")));
                }
                case 10 -> {
                    p.input = "http: obsolete line folding";
                    p.target = "/api/v1/health";
                    p.mustRefuse = false;
                    p.header("X-Note", "a\r\n b");
                }
                case 11 -> {
                    p.input = "http: oversize header";
                    p.target = "/api/v1/health";
                    p.mustRefuse = false;
                    p.header("X-Note", "x".repeat(pick(List.of(16_000, 70_000))));
                }
                case 12 -> {
                    p.input = "http: many headers";
                    p.target = "/api/v1/health";
                    p.mustRefuse = false;
                    for (int i = 0; i < 300; i++) {
                        p.header("X-N" + i, "v");
                    }
                }
                case 13 -> {
                    p.input = "http: Content-Length -1";
                    p.method = "POST";
                    p.target = create;
                    p.auth = Auth.MERCHANT;
                    p.header("Content-Type", "application/json").header("Content-Length", "-1");
                    p.body = "{}".getBytes(StandardCharsets.US_ASCII);
                }
                case 14 -> {
                    p.input = "http: Content-Length not a number";
                    p.method = "POST";
                    p.target = create;
                    p.auth = Auth.MERCHANT;
                    p.header("Content-Type", "application/json")
                            .header("Content-Length", pick(List.of("abc", "1e2", "0x2", "2 2", "+2")));
                    p.body = "{}".getBytes(StandardCharsets.US_ASCII);
                }
                case 15 -> {
                    p.input = "http: two different Content-Lengths";
                    p.method = "POST";
                    p.target = create;
                    p.auth = Auth.MERCHANT;
                    p.header("Content-Type", "application/json")
                            .header("Content-Length", "2")
                            .header("Content-Length", "1");
                    p.body = "{}".getBytes(StandardCharsets.US_ASCII);
                }
                case 16 -> {
                    p.input = "http: Content-Length and chunked";
                    p.method = "POST";
                    p.target = create;
                    p.auth = Auth.MERCHANT;
                    p.mustRefuse = false;
                    p.header("Content-Type", "application/json")
                            .header("Content-Length", "7")
                            .header("Transfer-Encoding", "chunked");
                    p.body = "2\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                }
                case 17 -> {
                    p.input = "http: chunk extensions";
                    p.method = "POST";
                    p.target = create;
                    p.auth = Auth.MERCHANT;
                    p.mustRefuse = false;
                    String body = json(paymentFields(false));
                    p.header("Content-Type", "application/json").header("Transfer-Encoding", "chunked");
                    p.body = (Integer.toHexString(body.length()) + ";ext=1;name=\"v\"\r\n" + body + "\r\n0\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8);
                }
                case 18 -> {
                    p.input = "http: bad chunk size";
                    p.method = "POST";
                    p.target = create;
                    p.auth = Auth.MERCHANT;
                    p.header("Content-Type", "application/json").header("Transfer-Encoding", "chunked");
                    p.body = (pick(List.of("zz", "-1", "fffffffffffffffff", "")) + "\r\n{}\r\n0\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII);
                    p.mayHang = true;
                }
                case 19 -> {
                    p.input = "http: unsupported Transfer-Encoding";
                    p.method = "POST";
                    p.target = create;
                    p.auth = Auth.MERCHANT;
                    p.protocolStatus = true;
                    p.header("Content-Type", "application/json")
                            .header("Transfer-Encoding", pick(List.of("gzip", "nonsense", "chunked, gzip")));
                    p.body = "{}".getBytes(StandardCharsets.US_ASCII);
                    p.mayHang = true;
                }
                case 20 -> {
                    p.input = "http: two Host headers";
                    p.target = "/api/v1/health";
                    p.mustRefuse = false;
                    p.header("Host", host + ":" + port).header("Host", "evil.example.com");
                }
                case 21 -> {
                    p.input = "http: empty Host";
                    p.target = "/api/v1/health";
                    p.mustRefuse = false;
                    p.header("Host", "");
                }
                case 22 -> {
                    p.input = "http: invalid percent-encoding in the refund path";
                    p.method = "POST";
                    p.target = "/api/v1/payments/" + pick(List.of("%zz", "%", "%z")) + "/refund";
                    p.auth = random.nextBoolean() ? Auth.MERCHANT : Auth.NONE;
                    p.mayClose = false;
                }
                case 23 -> {
                    p.input = "http: TRACE";
                    p.method = "TRACE";
                    p.target = pick(List.of("/api/v1/health", "/api/v1/payments", "/", "/openapi"));
                    p.auth = Auth.MERCHANT;
                    p.mayClose = false;
                }
                case 24 -> {
                    p.input = "http: TRACE with a body";
                    p.method = "TRACE";
                    p.target = "/api/v1/payments";
                    p.auth = Auth.MERCHANT;
                    p.body = "{\"a\":1}".getBytes(StandardCharsets.US_ASCII);
                    p.header("Content-Type", "application/json").header("Content-Length", "7");
                }
                case 25 -> {
                    p.input = "http: CONNECT";
                    p.requestLine = "CONNECT " + host + ":" + port + " HTTP/1.1";
                    p.protocolStatus = true;
                }
                case 26 -> {
                    p.input = "http: Expect 100-continue";
                    p.method = "POST";
                    p.target = create;
                    p.auth = Auth.MERCHANT;
                    p.mustRefuse = false;
                    p.mayClose = false;
                    p.json(json(paymentFields(false)));
                    p.header("Expect", "100-continue");
                }
                case 27 -> {
                    p.input = "http: unknown Expect";
                    p.method = "POST";
                    p.target = create;
                    p.auth = Auth.MERCHANT;
                    p.mustRefuse = false;
                    p.json(json(paymentFields(false)));
                    p.header("Expect", "nonsense");
                }
                case 28 -> {
                    p.input = "http: empty request";
                    p.requestLine = "";
                    p.noHost = true;
                    p.mustRefuse = false;
                }
                case 29 -> {
                    p.input = "http: not HTTP at all";
                    p.requestLine = pick(List.of(
                            "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003",
                            "PRI * HTTP/2.0\r\n\r\nSM",
                            "HELLO",
                            "\u0000\u0000\u0000\u0000"));
                    p.noHost = true;
                    p.mustRefuse = false;
                }
                case 30 -> {
                    p.input = "http: NUL or raw control byte in the path";
                    p.target = "/api/v1/pay" + pick(List.of("\u0000", "\u0001", "\u001b", "\u007f")) + "ments";
                    p.auth = Auth.MERCHANT;
                }
                case 31 -> {
                    p.input = "http: raw bytes over 0x7f in the path";
                    p.target = "/api/v1/payments/"
                            + pick(List.of("\u00ff", latin1("\u00e9"), "\u0080\u0080", latin1("\u20ac")));
                    p.auth = Auth.MERCHANT;
                }
                case 32 -> {
                    p.input = "http: Authorization with a control character";
                    p.target = "/api/v1/payments";
                    // Inside the key: a server may turn a control character into a space and trim the ends.
                    p.header(
                            "Authorization",
                            "Bearer " + middle(merchantKey, pick(List.of("\u0001", "\u0000", "\u007f"))));
                }
                case 33 -> {
                    p.input = "http: Idempotency-Key with a control character";
                    p.method = "POST";
                    p.target = create;
                    p.auth = Auth.MERCHANT;
                    p.json(json(paymentFields(false)));
                    p.header("Idempotency-Key", "k" + pick(List.of("\u0001", "\u0000", "\u007f", "\u001b")) + "k");
                }
                case 34 -> {
                    p.input = "http: Content-Type with a control character";
                    p.method = "POST";
                    p.target = create;
                    p.auth = Auth.MERCHANT;
                    p.body = json(paymentFields(false)).getBytes(StandardCharsets.UTF_8);
                    p.header("Content-Type", "application/json\u0001");
                }
                case 35 -> {
                    p.input = "http: path traversal to the WAR's private files";
                    p.target = pick(List.of(
                            "/WEB-INF/web.xml",
                            "/api/v1/../WEB-INF/web.xml",
                            "/%2e%2e/WEB-INF/web.xml",
                            "/WEB-INF/errors/404.json",
                            "/META-INF/MANIFEST.MF",
                            "/web-inf/web.xml",
                            "/./WEB-INF/web.xml",
                            "/WEB-INF%2fweb.xml"));
                }
                case 36 -> {
                    p.input = "http: percent-encoded slash and backslash";
                    p.target = pick(List.of(
                            "/api/v1%2fpayments", "/api/v1/payments%5c", "/api\\v1\\payments", "/api/v1//payments"));
                    p.auth = Auth.MERCHANT;
                    p.mustRefuse = false;
                }
                case 37 -> {
                    p.input = "http: body on GET and HEAD";
                    p.method = pick(List.of("GET", "HEAD", "DELETE"));
                    p.target = "/api/v1/payments";
                    p.auth = Auth.MERCHANT;
                    p.mustRefuse = p.method.equals("DELETE");
                    p.mayClose = false;
                    p.json("{\"a\":1}");
                }
                case 38 -> {
                    p.input = "http: Upgrade";
                    p.target = "/api/v1/health";
                    p.mustRefuse = false;
                    p.header("Upgrade", pick(List.of("websocket", "h2c", "nonsense")))
                            .header("Connection", "Upgrade");
                }
                default -> {
                    p.input = "http: invalid percent-encoding in a path";
                    p.target = pick(List.of(
                            "/api/v1/%zz",
                            "/%zz",
                            "/api/v1/payments/%zz",
                            "/api/v1/refunds/%",
                            "/api/v1/admin/merchants/%zz",
                            "/openapi%zz",
                            "/apidocs/%zz"));
                    p.auth = p.target.contains("admin") ? Auth.ADMIN : Auth.MERCHANT;
                    p.mayClose = false;
                }
            }
            if (p.target == null) {
                p.target = "";
            }
        }

        // --- other routes -----------------------------------------------------------------------

        static final int ROUTE_CASES = 24;

        void otherRoutes(Probe p, int c) {
            List<String> paths = List.of(
                    "/api/v1/nothing",
                    "/nothing",
                    "/api/v1/application.wadl",
                    "/api/v1/payments/{id}/nothing",
                    "/api/v2/payments",
                    "/",
                    "/api",
                    "/api/v1",
                    "/api/v1/",
                    "/openapi",
                    "/openapi?format=json",
                    "/apidocs",
                    "/apidocs/",
                    "/apidocs/index.html",
                    "/health",
                    "/health/ready",
                    "/health/live",
                    "/metrics",
                    "/api/v1/health/",
                    "/api/v1/payments/",
                    "/API/V1/PAYMENTS",
                    "/api/v1/application.wadl?detail=true",
                    "/api/v1/payments.json",
                    "/index.html");
            String path = paths.get(c);
            p.target = path.replace("{id}", paid());
            p.route = path;
            p.input = "route: " + p.route;
            p.method = pick(List.of("GET", "GET", "POST", "OPTIONS", "HEAD"));
            p.input = p.input + " " + p.method;
            p.auth = pick(List.of(Auth.NONE, Auth.MERCHANT, Auth.ADMIN));
            p.docs = path.startsWith("/openapi")
                    || path.startsWith("/apidocs")
                    || path.startsWith("/metrics")
                    || path.equals("/index.html")
                    || path.equals("/");
            if (path.contains("wadl")) {
                p.mustRefuse = !p.method.equals("OPTIONS");
            }
            if (p.method.equals("POST") && random.nextBoolean()) {
                p.json("{}");
            }
            if (path.startsWith("/openapi") && random.nextBoolean()) {
                p.header("Accept", "application/json");
            }
        }

        private static String middle(String s, String inserted) {
            return s.substring(0, s.length() / 2) + inserted + s.substring(s.length() / 2);
        }

        private static String b64(String s) {
            return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A string whose characters are the UTF-8 bytes of {@code s}, for the raw sender. */
    static String latin1(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static String printable(String s, int max) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (out.length() >= max) {
                return out.append("…(").append(s.length()).append(" chars)").toString();
            }
            out.append(ch < 0x20 || ch == 0x7f ? String.format("\\x%02x", (int) ch) : String.valueOf(ch));
        }
        return out.toString();
    }

    static String snippet(String text) {
        return printable(text.replaceAll("\\s+", " "), 200);
    }

    /** Violations of one kind, status and input class: how many, where, and the first seen. */
    static final class Group {
        final String kind;
        final String input;
        final AtomicInteger count = new AtomicInteger();
        final Set<String> routes = new LinkedHashSet<>();
        final Set<Integer> statuses = new java.util.TreeSet<>();
        private int index = Integer.MAX_VALUE;
        private String example;

        Group(String kind, String input) {
            this.kind = kind;
            this.input = input;
        }

        /** Keeps the example of the lowest request number, so that a rerun with the seed reports the same one. */
        synchronized void add(String route, int status, int index, String example) {
            count.incrementAndGet();
            if (status > 0) {
                statuses.add(status);
            }
            if (routes.size() < 6) {
                routes.add(route);
            }
            if (this.example == null || index < this.index) {
                this.index = index;
                this.example = example;
            }
        }

        synchronized String example() {
            return example;
        }
    }
}
