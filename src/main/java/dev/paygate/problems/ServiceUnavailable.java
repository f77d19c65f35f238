package dev.paygate.problems;

/**
 * Something the gateway needs is unreachable for now: its message broker (while it starts, say) or
 * its database. Answered 503 with a Retry-After header; the message says what a retry should do.
 */
public class ServiceUnavailable extends GatewayException {

    /** Seconds a client is asked to wait before it retries. */
    public static final int RETRY_AFTER_SECONDS = 1;

    public ServiceUnavailable(String code, String message) {
        super(ErrorType.SERVICE_UNAVAILABLE, code, null, message);
    }
}
