package dev.paygate.problems;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the HTTP answer for an {@link ApiError}. */
final class Responses {

    private Responses() {
    }

    static Response of(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
