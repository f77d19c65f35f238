package dev.paygate.problems;

import java.util.Locale;

/** The families of errors, each with the HTTP status it is answered with. */
public enum ErrorType {
    INVALID_REQUEST_ERROR(400),
    NOT_FOUND(404),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    API_ERROR(500);

    private final int status;

    ErrorType(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String wire() {
        return this == NOT_FOUND || this == CONFLICT || this == PAYLOAD_TOO_LARGE ? "invalid_request_error" : name().toLowerCase(Locale.ROOT);
    }
}
