package dev.paygate.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.events.control.WebhookSender.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sender against a receiver on a plain socket, which shows what a receiver sees of the
 * connection: an answer in time is an outcome, and one that never comes ends the attempt at the
 * timeout and closes the connection.
 */
class WebhookSenderTest {

    private static final String BODY = "{\"id\":\"evt_1\"}";

    private final ExecutorService io = Executors.newFixedThreadPool(2);
    private final WebhookSender sender = new WebhookSender(io, Duration.ofMillis(500), true);

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    @Test
    void anAnswerInTimeIsItsStatusAndBody() throws Exception {
        try (ServerSocket receiver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Outcome> sent = send(receiver);
            try (Socket connection = receiver.accept()) {
                readHead(connection.getInputStream());
                connection
                        .getOutputStream()
                        .write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                Outcome outcome = sent.get(5, TimeUnit.SECONDS);
                assertEquals(204, outcome.status());
                assertTrue(outcome.succeeded());
                assertNull(outcome.error());
            }
        }
    }

    @Test
    void aReceiverThatNeverAnswersEndsTheAttemptAtTheTimeoutAndLosesTheConnection() throws Exception {
        try (ServerSocket receiver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Outcome> sent = send(receiver);
            try (Socket connection = receiver.accept()) {
                readHead(connection.getInputStream());
                Outcome outcome = sent.get(5, TimeUnit.SECONDS);
                assertNull(outcome.status());
                assertEquals("no answer within 500 ms", outcome.error());
                assertTrue(outcome.latencyMs() >= 500 && outcome.latencyMs() < 3000, () -> "after " + outcome);

                connection.setSoTimeout(5000); // a read past it fails the test: the connection stayed open
                byte[] rest = connection.getInputStream().readAllBytes();
                assertTrue(rest.length <= BODY.length(), "at most the body, then the end of the stream");
            }
        }
    }

    private CompletableFuture<Outcome> send(ServerSocket receiver) {
        String url = "http://127.0.0.1:" + receiver.getLocalPort() + "/hook";
        return sender.send(url, BODY, List.<String[]>of()).toCompletableFuture();
    }

    /** Reads up to the blank line that ends the request's head. */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request ended before its head did");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }
}
