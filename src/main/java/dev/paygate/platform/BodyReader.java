package dev.paygate.platform;

import dev.paygate.problems.BodyTooSlow;
import dev.paygate.problems.GatewayException;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.PayloadTooLarge;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gathers one request body as the container hands it over, without blocking, then dispatches the
 * request with it; or answers 413 or 408. Exactly one of these happens, whichever comes first.
 */
final class BodyReader implements ReadListener, AsyncListener {

    private static final Logger LOG = Logger.getLogger(BodyReader.class.getName());

    private final AsyncContext async;
    private final ServletInputStream in;
    private final long timeoutMillis;
    private final long arrivalWaitMillis;
    private final long announced;
    private byte[] buffer;
    private int size;
    private long received;
    private boolean done;
    private boolean filterReturned;
    private BufferedBody body;

    BodyReader(AsyncContext async, ServletInputStream in, long announced, long timeoutMillis, long arrivalWaitMillis) {
        this.async = async;
        this.in = in;
        this.timeoutMillis = timeoutMillis;
        this.arrivalWaitMillis = arrivalWaitMillis;
        this.announced = announced;
        // A body announced over the limit is only drained, never kept.
        this.buffer = new byte[announced < 0 ? 2048 : (int) Math.min(announced, RequestBodyFilter.LIMIT + 1)];
    }

    @Override
    public synchronized void onDataAvailable() throws IOException {
        if (done) {
            return;
        }
        // Only the end of the body counts here: Payara says isFinished() once the body has arrived,
        // before all of it has been read, and finishing then passed on part of a larger body.
        boolean end = readAvailable();
        if (!done && end) {
            finish();
        }
    }

    @Override
    public synchronized void onAllDataRead() throws IOException {
        // Some servers say so once the body has arrived, before it has been read, and Payara Micro
        // now and then before the last of it has reached the reader. A body of announced length
        // is passed on only once all of it is in: the rest comes with a later onDataAvailable, or
        // the body's deadline answers 408. One without a length ends here (docs/servers.md).
        if (!done) {
            readAvailable();
            if (announced < 0 || received >= announced || announced > RequestBodyFilter.LIMIT) {
                finish();
            }
        }
    }

    /**
     * Reads what can be read without blocking; true at the end of the body: when the announced
     * length is in, or at the end of a chunked one.
     */
    private boolean readAvailable() throws IOException {
        while (in.isReady()) {
            if (size == buffer.length && buffer.length <= RequestBodyFilter.LIMIT) {
                buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, RequestBodyFilter.LIMIT + 1));
            }
            // Past the limit the bytes are dropped: they are read into the buffer's start again.
            int n = size < buffer.length
                    ? in.read(buffer, size, buffer.length - size)
                    : in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return true;
            }
            received += n;
            size = (int) Math.min(received, buffer.length);
            if (received > RequestBodyFilter.DRAINED_AT_MOST) {
                answer(new PayloadTooLarge(RequestBodyFilter.LIMIT));
                return false;
            }
            if (announced >= 0 && received >= announced) {
                return true;
            }
        }
        return false;
    }

    private void finish() throws IOException {
        if (done) {
            return;
        }
        // A body announced over the limit is refused however much of it was read: servers may
        // report all data read (onAllDataRead) before the reader has had the last bytes.
        if (received > RequestBodyFilter.LIMIT || announced > RequestBodyFilter.LIMIT) {
            answer(new PayloadTooLarge(RequestBodyFilter.LIMIT));
            return;
        }
        done = true;
        body = new BufferedBody(buffer, size);
        notifyAll();
        if (filterReturned) {
            async.getRequest().setAttribute(RequestBodyFilter.BODY, body);
            async.dispatch();
        }
    }

    /**
     * Called by the filter once the reader is registered: the body, when it is complete (with the
     * headers, or within {@code paygate.http.body.arrival.wait.ms} of them), for the filter to pass
     * on in the same thread; otherwise null, and the request is dispatched anew when the body is
     * complete.
     */
    synchronized BufferedBody bodyArrived() {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(arrivalWaitMillis);
        try {
            for (long left = arrivalWaitMillis;
                    !done && left > 0;
                    left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())) {
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        filterReturned = true;
        return body;
    }

    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
        answer(new BodyTooSlow(timeoutMillis));
    }

    @Override
    public void onError(Throwable failure) {
        closeQuietly(failure);
    }

    @Override
    public void onError(AsyncEvent event) {
        closeQuietly(event.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // nothing held
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }

    private synchronized void answer(GatewayException error) throws IOException {
        if (done) {
            return;
        }
        done = true;
        notifyAll();
        try {
            RequestBodyFilter.answer((HttpServletResponse) async.getResponse(), error);
        } finally {
            async.complete();
        }
    }

    /**
     * Reading the body failed: mostly the client went away while sending, and then the answer goes
     * nowhere. But the server also reports a body it could not read while the client still waits,
     * and that client gets an answer in the one shape, never an empty 200.
     */
    private synchronized void closeQuietly(Throwable failure) {
        if (done) {
            return;
        }
        LOG.log(Level.FINE, "A request body ended before it was complete: {0}", String.valueOf(failure));
        try {
            answer(
                    received > RequestBodyFilter.LIMIT
                            ? new PayloadTooLarge(RequestBodyFilter.LIMIT)
                            : new InvalidRequest("body_malformed", "The request body could not be read in full."));
        } catch (IOException | RuntimeException gone) {
            // the client is gone: nothing to answer
        }
    }
}
