package dev.paygate.problems;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the HTTP answer for an {@link ApiError}. */
public final class Responses {

    private Responses() {}

    /** For filters that answer before a resource runs and must add headers of their own. */
    public static Response of(GatewayException e) {
        return of(e.type().status(), e.toApiError());
    }

    static Response of(int status, ApiError error) {
        Response.ResponseBuilder answer =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error);
        if (status == ErrorType.SERVICE_UNAVAILABLE.status()) {
            answer.header("Retry-After", ServiceUnavailable.RETRY_AFTER_SECONDS);
        }
        return answer.build();
    }
}
