package dev.paygate.platform;

import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.Responses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
        if (invalid == null && request.getProperty(RequestTargetFilter.REFUSED) instanceof InvalidRequest refused) {
            invalid = refused;
        }
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
                return new InvalidRequest(
                        "parameter_invalid",
                        null,
                        "Parameter names must be printable UTF-8 of at most " + MAX_LENGTH + " characters.");
            }
            for (String value : parameter.getValue()) {
                if (value.length() > MAX_LENGTH) {
                    return new InvalidRequest(
                            "parameter_invalid", name, name + " must be at most " + MAX_LENGTH + " characters");
                }
                if (!acceptable(value)) {
                    return new InvalidRequest(
                            "parameter_invalid",
                            name,
                            name + " must not contain control characters or bytes that are not UTF-8");
                }
            }
        }
        return null;
    }

    /**
     * A '%' in the raw query that does not start an escape of two hex digits: the JAX-RS runtimes
     * would take it as literal text, so {@code starting_after=%zz} would look for an id "%zz". The
     * 400 names the parameter it is in ("query" when the name itself is broken).
     */
    static InvalidRequest badEscape(String rawQuery) {
        if (rawQuery == null || rawQuery.indexOf('%') < 0) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (!validEscapes(pair)) {
                String param = validEscapes(name) && !name.isEmpty()
                        ? URLDecoder.decode(name, StandardCharsets.UTF_8)
                        : "query";
                return new InvalidRequest(
                        "parameter_invalid",
                        param,
                        param + " has a '%' that is not followed by two hexadecimal digits");
            }
        }
        return null;
    }

    private static boolean validEscapes(String text) {
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
            if (i + 2 >= text.length()
                    || Character.digit(text.charAt(i + 1), 16) < 0
                    || Character.digit(text.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean acceptable(String text) {
        return text.length() <= MAX_LENGTH && text.chars().noneMatch(c -> Character.isISOControl(c) || c == '\uFFFD');
    }
}
