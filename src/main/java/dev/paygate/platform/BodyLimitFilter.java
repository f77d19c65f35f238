package dev.paygate.platform;

import dev.paygate.problems.PayloadTooLarge;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses bodies over 64 KiB, whether announced by Content-Length or streamed in chunks. An
 * announced body of reasonable size is read and dropped first: over HTTP/2 a client that is still
 * sending would otherwise wait for flow-control credit that never comes, instead of reading the 413.
 */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

    public static final int LIMIT = 64 * 1024;
    private static final int DRAINED_AT_MOST = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > LIMIT) {
            if (request.getLength() <= DRAINED_AT_MOST) {
                drain(request.getEntityStream(), DRAINED_AT_MOST);
            }
            throw new PayloadTooLarge(LIMIT);
        }
        request.setEntityStream(new Limited(request.getEntityStream()));
    }

    /** Reads and drops what the client sends, up to {@code atMost} bytes. */
    private static void drain(InputStream body, long atMost) {
        byte[] buffer = new byte[8192];
        long left = atMost;
        try {
            int n;
            while (left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private static final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > LIMIT) {
                drain(in, DRAINED_AT_MOST - read);
                throw new PayloadTooLarge(LIMIT);
            }
        }
    }
}
