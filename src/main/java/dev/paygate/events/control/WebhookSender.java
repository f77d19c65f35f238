package dev.paygate.events.control;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one delivery with the JDK's HTTP client, on the executor it is given: no redirect
 * followed, the whole exchange bounded by the timeout, and no more than the first {@link #BODY_CAP}
 * bytes of the answer read.
 *
 * <p>The timeout is measured on the monotonic clock ({@link CompletableFuture#orTimeout}), and an
 * exchange that outlasts it is cancelled, which closes its connection. The client's own connect
 * and request timeouts are not used: in Java 17 they count on the wall clock, so a step of the
 * system clock (a virtual machine resumed, NTP catching up) ends a slow attempt early.
 */
public class WebhookSender {

    public static final int BODY_CAP = 1024;

    /** What came of one attempt: an HTTP status, or an error when there was none. */
    public record Outcome(Integer status, String error, long latencyMs, String body) {

        public boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }

        public boolean gone() {
            return status != null && status == 410;
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final boolean allowPrivate;

    public WebhookSender(Executor executor, Duration timeout, boolean allowPrivate) {
        this.client = HttpClient.newBuilder()
                .executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.allowPrivate = allowPrivate;
    }

    public CompletionStage<Outcome> send(String url, String body, List<String[]> headers) {
        long start = System.nanoTime();
        HttpRequest.Builder request;
        try {
            URI uri = URI.create(url);
            if (!allowPrivate) {
                String refused = WebhookUrl.refusedAddress(uri.getHost());
                if (refused != null) {
                    return CompletableFuture.completedFuture(new Outcome(null, "url " + refused, 0, null));
                }
            }
            request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "paygate-webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            for (String[] header : headers) {
                request.header(header[0], header[1]);
            }
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(null, "not a URL the client can send to", 0, null));
        }
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(request.build(), info -> new Capped(BODY_CAP));
        // The timeout completes a copy: completing the exchange itself would leave it running and
        // make the cancel below a no-op.
        return exchange.copy()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, error) -> {
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    if (error != null) {
                        exchange.cancel(true); // a no-op unless it is still running
                        return new Outcome(null, describe(error), ms, null);
                    }
                    return new Outcome(response.statusCode(), null, ms, response.body());
                });
    }

    private String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Keeps the first {@code cap} bytes of an answer as text, and stops reading there. */
    private static final class Capped implements HttpResponse.BodySubscriber<String> {

        private final byte[] kept;
        private int length;
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Capped(int cap) {
            this.kept = new byte[cap];
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int n = Math.min(buffer.remaining(), kept.length - length);
                buffer.get(kept, length, n);
                length += n;
            }
            if (length == kept.length) {
                subscription.cancel();
                complete();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            complete();
        }

        @Override
        public void onComplete() {
            complete();
        }

        private void complete() {
            result.complete(new String(kept, 0, length, StandardCharsets.UTF_8));
        }
    }
}
