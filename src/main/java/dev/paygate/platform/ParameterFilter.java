package dev.paygate.platform;

import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.Responses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Path and query parameters, decoded, are text the gateway may store, log or look up: control
 * characters (NUL among them, which PostgreSQL refuses in text), bytes that were not UTF-8 (decoded
 * as U+FFFD) and values longer than any id are refused with a 400 that names the parameter, before
 * authentication or anything else reaches the database.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class ParameterFilter implements ContainerRequestFilter {

    /** Longer than every id, status and number the API takes. */
    static final int MAX_LENGTH = 255;

    @Override
    public void filter(ContainerRequestContext request) {
        InvalidRequest invalid = check(request.getUriInfo().getPathParameters(true));
        if (invalid == null) {
            invalid = check(request.getUriInfo().getQueryParameters(true));
        }
        if (invalid != null) {
            request.abortWith(Responses.of(invalid));
        }
    }

    /** The first offending parameter, or null when all are fine. */
    static InvalidRequest check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!acceptable(name)) {
                return new InvalidRequest("parameter_invalid", null,
                        "Parameter names must be printable UTF-8 of at most " + MAX_LENGTH + " characters.");
            }
            for (String value : parameter.getValue()) {
                if (value.length() > MAX_LENGTH) {
                    return new InvalidRequest("parameter_invalid", name, name + " must be at most " + MAX_LENGTH + " characters");
                }
                if (!acceptable(value)) {
                    return new InvalidRequest("parameter_invalid", name,
                            name + " must not contain control characters or bytes that are not UTF-8");
                }
            }
        }
        return null;
    }

    static boolean acceptable(String text) {
        return text.length() <= MAX_LENGTH && text.chars().noneMatch(c -> Character.isISOControl(c) || c == '\uFFFD');
    }
}
