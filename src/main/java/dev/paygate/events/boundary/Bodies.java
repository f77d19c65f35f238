package dev.paygate.events.boundary;

import dev.paygate.platform.JsonRequests;
import jakarta.ws.rs.NotSupportedException;
import java.util.Locale;

/** Bodies that may be left out: none (or an empty one) means the defaults. */
final class Bodies {

    private Bodies() {}

    static <R extends Record> R optional(String contentType, byte[] body, Class<R> type, R absent) {
        if (body == null || body.length == 0) {
            return absent;
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new NotSupportedException();
        }
        return JsonRequests.read(body, type);
    }
}
