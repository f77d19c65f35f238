package dev.paygate.problems;

/** The families of errors, each with the HTTP status it is answered with and its wire name. */
public enum ErrorType {
    INVALID_REQUEST_ERROR(400, "invalid_request_error"),
    AUTHENTICATION_ERROR(401, "authentication_error"),
    PERMISSION_ERROR(403, "permission_error"),
    NOT_FOUND(404, "invalid_request_error"),
    REQUEST_TIMEOUT(408, "invalid_request_error"),
    CONFLICT(409, "invalid_request_error"),
    IDEMPOTENCY_CONFLICT(409, "idempotency_error"),
    PAYLOAD_TOO_LARGE(413, "invalid_request_error"),
    IDEMPOTENCY_MISMATCH(422, "idempotency_error"),
    RATE_LIMIT_ERROR(429, "rate_limit_error"),
    API_ERROR(500, "api_error"),
    SERVICE_UNAVAILABLE(503, "api_error");

    private final int status;
    private final String wire;

    ErrorType(int status, String wire) {
        this.status = status;
        this.wire = wire;
    }

    public int status() {
        return status;
    }

    public String wire() {
        return wire;
    }
}
