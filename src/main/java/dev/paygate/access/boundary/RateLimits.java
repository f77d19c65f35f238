package dev.paygate.access.boundary;

import dev.paygate.access.control.RateLimiter;
import dev.paygate.access.entity.Credential;
import dev.paygate.problems.RateLimited;
import dev.paygate.problems.Responses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads and writes of each key are limited separately. Over the limit, 429 with Retry-After;
 * every answer to a keyed request carries the RateLimit-Limit, -Remaining and -Reset headers.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RateLimits implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String DECISION = RateLimits.class.getName();

    @Inject
    Caller caller;

    @Inject
    RateLimiter limiter;

    @Override
    public void filter(ContainerRequestContext request) {
        Credential key = caller.credential();
        if (key == null) {
            return;
        }
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        RateLimiter.Decision decision = read
                ? limiter.take(key.keyId(), RateLimiter.Kind.READ, key.readRateLimit())
                : limiter.take(key.keyId(), RateLimiter.Kind.WRITE, key.writeRateLimit());
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            request.abortWith(
                    Response.fromResponse(Responses.of(new RateLimited(read ? "read" : "write", decision.limit())))
                            .header("Retry-After", decision.retryAfterSeconds())
                            .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("RateLimit-Limit", decision.limit());
            headers.putSingle("RateLimit-Remaining", decision.remaining());
            headers.putSingle("RateLimit-Reset", decision.resetSeconds());
        }
    }
}
