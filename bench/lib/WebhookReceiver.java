import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/run's webhook receiver: answers every request 200 at once and, for each POST, appends
 *
 * <pre>RECEIVED_EPOCH_MICROS EVENT_ID EVENT_TYPE EVENT_CREATED</pre>
 *
 * to OUT_FILE ("-" for a field it could not find), written out every 100 ms and at exit (SIGTERM).
 *
 * <pre>java bench/lib/WebhookReceiver.java PORT OUT_FILE</pre>
 */
public class WebhookReceiver {

    // The event's own fields. The payment in data.object has "id" too (hence the evt_ prefix, and
    // the Paygate-Event-Id header first), but neither "type" nor "created" (its is "created_at").
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(evt_[^\"]*)\"");
    static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern CREATED = Pattern.compile("\"created\"\\s*:\\s*\"([^\"]+)\"");

    static final StringBuilder pending = new StringBuilder();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        OutputStream out = new FileOutputStream(args[1], true);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", WebhookReceiver::handle);
        Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "flush");
                    t.setDaemon(true);
                    return t;
                })
                .scheduleWithFixedDelay(() -> flush(out), 100, 100, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> flush(out)));
        server.start();
    }

    static void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Instant now = Instant.now();
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
        if (!exchange.getRequestMethod().equals("POST")) {
            return; // bench/run's "are you up?" probe
        }
        String id = exchange.getRequestHeaders().getFirst("Paygate-Event-Id");
        String line = (now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000) + " "
                + (id != null && !id.isBlank() ? id.strip() : find(ID, body)) + " "
                + find(TYPE, body) + " " + find(CREATED, body) + "\n";
        synchronized (pending) {
            pending.append(line);
        }
    }

    static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1) : "-";
    }

    /** Writes whole lines only, so a reader of the file never sees half of one. */
    static void flush(OutputStream out) {
        byte[] bytes;
        synchronized (pending) {
            if (pending.length() == 0) {
                return;
            }
            bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
            pending.setLength(0);
        }
        try {
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            System.err.println("WebhookReceiver: " + e);
        }
    }
}
