package dev.paygate.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Lets browser checkouts on the configured origins call the API, preflight included. */
@Provider
@PreMatching
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key";
    private static final String ALLOWED_METHODS = "GET, POST, DELETE, OPTIONS";
    private static final String EXPOSED_HEADERS = "Location, Idempotent-Replayed, Retry-After, "
            + "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, WWW-Authenticate";

    @Inject
    @ConfigProperty(name = "paygate.cors.origins", defaultValue = "*")
    String origins;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin != null
                && "OPTIONS".equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            Response.ResponseBuilder preflight = Response.noContent();
            if (allowed(origin)) {
                preflight
                        .header("Access-Control-Allow-Origin", origin)
                        .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                        .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                        .header("Access-Control-Max-Age", "600")
                        .header("Vary", "Origin");
            }
            request.abortWith(preflight.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if ("OPTIONS".equals(request.getMethod()) && response.getStatus() == 200) {
            // Any other OPTIONS names the allowed methods in Allow and nothing else; JAX-RS runtimes
            // also answer in whatever type the client accepts (the methods as text; Jersey, an
            // empty WADL document).
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.setStatus(Response.Status.NO_CONTENT.getStatusCode());
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && allowed(origin) && !response.getHeaders().containsKey("Access-Control-Allow-Origin")) {
            response.getHeaders().add("Access-Control-Allow-Origin", origin);
            response.getHeaders().add("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            response.getHeaders().add("Vary", "Origin");
        }
    }

    boolean allowed(String origin) {
        List<String> list = Arrays.stream(origins.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        return list.contains("*") || list.contains(origin);
    }
}
