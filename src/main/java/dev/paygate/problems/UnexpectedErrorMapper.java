package dev.paygate.problems;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is our fault: a 500 with a reference the operator can find in the log, never a
 * stack trace for the client.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        // A rule broken deep inside a container call may arrive wrapped; it is still the client's error.
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof GatewayException g) {
                return Responses.of(g.type().status(), g.toApiError());
            }
            if (t instanceof jakarta.validation.ConstraintViolationException invalid) {
                return new ConstraintViolationMapper().toResponse(invalid);
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, e);
        return Responses.of(500, ApiError.of(ErrorType.API_ERROR, "api_error",
                "The gateway could not handle the request (reference " + reference + ")."));
    }
}
