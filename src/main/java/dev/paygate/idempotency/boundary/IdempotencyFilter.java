package dev.paygate.idempotency.boundary;

import dev.paygate.access.boundary.AdminOnly;
import dev.paygate.access.boundary.Caller;
import dev.paygate.idempotency.control.Claim;
import dev.paygate.idempotency.control.Fingerprint;
import dev.paygate.idempotency.control.IdempotencyKeys;
import dev.paygate.platform.CardNumberInText;
import dev.paygate.platform.JsonbConfiguration;
import dev.paygate.platform.Unauthenticated;
import dev.paygate.problems.IdempotencyKeyInUse;
import dev.paygate.problems.IdempotencyKeyReused;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.Responses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code Idempotency-Key} on the merchant API's POSTs: the first request claims the key, a retry
 * with the same method, path and body gets the stored answer with {@code Idempotent-Replayed:
 * true}, a different request with the key is refused, and so is one while the first still runs.
 * Requests refused as invalid keep nothing, so the key can be used for the corrected request.
 */
@Provider
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());
    /**
     * Refused before anything ran, or 503 (the broker or the database unreachable), which asks for
     * a retry: the key is released rather than tied to this answer. A release only removes a key
     * still in progress, never an answer stored with the request's committed effects.
     */
    private static final Set<Integer> RELEASED = Set.of(400, 401, 403, 413, 415, 429, 503);

    @Context
    ResourceInfo resource;

    @Inject
    Caller caller;

    @Inject
    IdempotencyClaim claim;

    @Inject
    IdempotencyKeys keys;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || !merchantApi()) {
            return;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new InvalidRequest(
                    "parameter_invalid", HEADER, HEADER + " must be 1 to 255 printable ASCII characters");
        }
        if (CardNumberInText.found(key)) {
            throw new InvalidRequest(CardNumberInText.CODE, HEADER, HEADER + " " + CardNumberInText.MESSAGE);
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String path = request.getUriInfo().getPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        Method method = resource.getResourceMethod();
        String fingerprint = Fingerprint.of(
                request.getMethod(),
                query == null ? path : path + '?' + query,
                Fingerprint.readsBody(method) ? body : new byte[0],
                Fingerprint.marks(method));
        String scope = caller.scope() == null ? "" : caller.scope();
        Claim outcome = keys.claim(scope, key, fingerprint);
        if (outcome instanceof Claim.Granted granted) {
            claim.hold(granted.id());
        } else if (outcome instanceof Claim.Replay replay) {
            request.abortWith(replayed(replay));
        } else if (outcome instanceof Claim.Reused) {
            request.abortWith(Responses.of(new IdempotencyKeyReused(key)));
        } else {
            request.abortWith(Responses.of(new IdempotencyKeyInUse(key)));
        }
    }

    private boolean merchantApi() {
        Class<?> type = resource.getResourceClass();
        return type != null
                && !type.isAnnotationPresent(AdminOnly.class)
                && !type.isAnnotationPresent(Unauthenticated.class);
    }

    private static Response replayed(Claim.Replay replay) {
        Response.ResponseBuilder answer = Response.status(replay.status()).header("Idempotent-Replayed", "true");
        if (replay.body() != null) {
            answer.type(MediaType.APPLICATION_JSON_TYPE).entity(replay.body());
        }
        if (replay.location() != null) {
            answer.header("Location", replay.location());
        }
        return answer.build();
    }

    /**
     * Answers not stored with the request's effects: an error that rolled them back is stored on
     * its own (a retry gets the same error, as Stripe does, 500 included), a refusal or a 503
     * releases the key.
     */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String id = claim.id();
        if (id == null || claim.storedAs(response.getStatus())) {
            return;
        }
        try {
            if (RELEASED.contains(response.getStatus())) {
                keys.release(id);
            } else {
                String location = response.getLocation() == null
                        ? null
                        : response.getLocation().toString();
                keys.complete(id, response.getStatus(), JsonbConfiguration.toJson(response.getEntity()), location);
            }
        } catch (RuntimeException e) {
            // The claim stays "in progress" and is given up after the lock timeout; the answer still goes out.
            LOG.log(Level.WARNING, "Could not store the answer for an idempotency key", e);
        }
    }
}
