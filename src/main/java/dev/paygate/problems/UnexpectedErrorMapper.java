package dev.paygate.problems;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is our fault: a 500 with a reference the operator can find in the log, never a
 * stack trace for the client.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    /**
     * The reference given to each error. On Payara, Jersey's mapper for EJB exceptions calls this
     * mapper twice for one error (first to see whether it maps it), so the second call finds the
     * first's reference: each error is logged once, and the client gets the reference in the log.
     * Weak keys: an entry goes with its exception.
     */
    private static final Map<Throwable, String> REFERENCES = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The connection broke, or none could be had. A write may or may not have committed when its
     * connection broke, so the advice is a retry with the same Idempotency-Key, which answers
     * with the first outcome if there was one.
     */
    static String databaseUnavailable(String reference) {
        return "The gateway's database is unreachable (reference " + reference + "). Retry after the time in the "
                + "Retry-After header, with the same Idempotency-Key if the request had one.";
    }

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
        Reference reference = referenceFor(e);
        if (databaseUnreachable(e)) {
            if (reference.first()) {
                LOG.log(Level.WARNING, "The database is unreachable (reference {0}): {1}", new Object[] {reference.id(), e});
            }
            return Responses.of(new ServiceUnavailable("database_unavailable", databaseUnavailable(reference.id())));
        }
        if (reference.first()) {
            LOG.log(Level.SEVERE, "Unexpected error, reference " + reference.id(), e);
        }
        return Responses.of(500, ApiError.of(ErrorType.API_ERROR, "api_error",
                "The gateway could not handle the request (reference " + reference.id() + ")."));
    }

    record Reference(String id, boolean first) {
    }

    /** The reference of {@code e}: a new one on the first call for it, the same one after. */
    static Reference referenceFor(Throwable e) {
        String fresh = UUID.randomUUID().toString();
        String earlier = REFERENCES.putIfAbsent(e, fresh);
        return earlier == null ? new Reference(fresh, true) : new Reference(earlier, false);
    }

    /**
     * Whether {@code e} comes from a database connection that broke or could not be made: an
     * SQLException of the connection class (SQLSTATE 08...), or one caused by the server's pool
     * failing to allocate a connection (a connector ResourceException, looked up by name so that
     * servers without connectors load this class too).
     */
    static boolean databaseUnreachable(Throwable e) {
        boolean fromJdbc = false;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                fromJdbc = true;
                for (java.sql.SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && next.getSQLState().startsWith("08")) {
                        return true;
                    }
                }
            }
            if (fromJdbc && isA(t, "jakarta.resource.ResourceException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isA(Throwable t, String className) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
