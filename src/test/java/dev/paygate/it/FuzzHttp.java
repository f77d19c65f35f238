package dev.paygate.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 exchange over a bare socket, for the requests a well-behaved client refuses to send:
 * bytes that are not allowed in a request line or a header, framing a server must reject, methods
 * such as TRACE with a body. The request is sent as given (with {@code Connection: close} when the
 * caller wrote it so); the answer's status line, headers and body are read with a deadline.
 */
public final class FuzzHttp {

    /** An answer: header names in lower case, the body de-chunked. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The server closed the connection, or never answered within the deadline. */
    public static final class NoAnswer extends IOException {
        private final boolean timedOut;

        NoAnswer(String message, boolean timedOut, Throwable cause) {
            super(message, cause);
            this.timedOut = timedOut;
        }

        public boolean timedOut() {
            return timedOut;
        }
    }

    /** Closes sockets whose exchange overran, since a blocked write does not see the read timeout. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fuzz-http-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private FuzzHttp() {}

    /** Sends {@code request} (the whole message, bytes as they go on the wire) and reads one answer. */
    public static Answer exchange(String host, int port, byte[] request, Duration timeout, boolean head)
            throws IOException {
        Socket socket = new Socket();
        boolean[] overran = {false};
        ScheduledFuture<?> guard = WATCHDOG.schedule(
                () -> {
                    overran[0] = true;
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // closing is all the watchdog can do
                    }
                },
                timeout.toMillis() + 2_000,
                TimeUnit.MILLISECONDS);
        try (socket) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout((int) timeout.toMillis());
            IOException writeFailure = null;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // A server may answer (say, 413) and close before reading all of a large body:
                // its answer can still be waiting in the socket.
                writeFailure = e;
            }
            InputStream in = new BufferedInputStream(socket.getInputStream());
            try {
                return read(in, head);
            } catch (java.net.SocketTimeoutException e) {
                throw new NoAnswer("no answer within " + timeout.toSeconds() + " s", true, e);
            } catch (NoAnswer e) {
                throw writeFailure == null
                        ? e
                        : new NoAnswer(
                                e.getMessage() + " (the request could not be sent whole: " + writeFailure.getMessage()
                                        + ")",
                                false,
                                writeFailure);
            } catch (IOException e) {
                if (overran[0]) {
                    throw new NoAnswer("no answer within " + timeout.toSeconds() + " s", true, e);
                }
                throw new NoAnswer("connection failed: " + e.getMessage(), false, e);
            }
        } finally {
            guard.cancel(false);
        }
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        while (true) {
            String statusLine = readLine(in);
            if (statusLine == null) {
                throw new NoAnswer("closed without an answer", false, null);
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
                throw new IOException("not an HTTP status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            String line;
            while ((line = readLine(in)) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(
                                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(line.substring(colon + 1).trim());
                }
            }
            if (status >= 100 && status < 200 && status != 101) {
                continue; // an interim answer (100 Continue); the final one follows
            }
            byte[] body;
            String encoding = first(headers, "transfer-encoding");
            String length = first(headers, "content-length");
            if (head || status == 101 || status == 204 || status == 304) {
                body = new byte[0];
            } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                body = dechunk(in);
            } else if (length != null && length.matches("\\d{1,9}")) {
                body = in.readNBytes(Math.min(Integer.parseInt(length), MAX_BODY));
            } else {
                body = readToEnd(in);
            }
            return new Answer(status, headers, body);
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                return body.toByteArray();
            }
            String hex = sizeLine.split(";", 2)[0].trim();
            int size = hex.isEmpty() ? 0 : Integer.parseInt(hex, 16);
            if (size == 0) {
                String trailer;
                while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
                    // trailers carry nothing the checks need
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
            if (body.size() > MAX_BODY) {
                return body.toByteArray();
            }
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) > 0 && body.size() < MAX_BODY) {
                body.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer: what arrived is the answer
        }
        return body.toByteArray();
    }

    /** A line without its CR LF, as ISO-8859-1; null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
