package dev.paygate.problems;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Broken business rules (400, 404, 409, 413, ...) and 503s, in the one error shape. */
@Provider
public class GatewayExceptionMapper implements ExceptionMapper<GatewayException> {

    @Override
    public Response toResponse(GatewayException e) {
        return Responses.of(e.type().status(), e.toApiError());
    }
}
