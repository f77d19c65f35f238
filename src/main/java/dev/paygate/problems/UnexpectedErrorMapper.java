package dev.paygate.problems;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
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
     * SQLSTATEs of a session the database refused or ended, beyond the standard connection class
     * (08...): PostgreSQL's answers to a new connection while the database is closed to connections
     * (55000, "not currently accepting connections"), starting up or shutting down (57P03), or full
     * (53300), and to the next use of a session it ended (57P01 administrator command, 57P02 crash).
     * Open Liberty hands the application the driver's own refusal, with no pool exception around
     * it. (At run time PostgreSQL also uses 55000 for currval/lastval before nextval, which the
     * gateway never calls.)
     */
    private static final Set<String> REFUSED_OR_ENDED = Set.of("55000", "57P03", "53300", "57P01", "57P02");

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
        if (concurrentUpdate(e)) {
            return Responses.of(new StateConflict(
                    "concurrent_update",
                    "The object was changed by another request "
                            + "at the same moment, so this one changed nothing. Retry it."));
        }
        Reference reference = referenceFor(e);
        if (databaseUnreachable(e)) {
            if (reference.first()) {
                // One line, no stack trace: the exception as text (Open Liberty prints a whole
                // stack trace for a Throwable among a message's parameters).
                LOG.log(Level.WARNING, "The database is unreachable (reference {0}): {1}", new Object[] {
                    reference.id(), e.toString()
                });
            }
            return Responses.of(new ServiceUnavailable("database_unavailable", databaseUnavailable(reference.id())));
        }
        if (reference.first()) {
            LOG.log(Level.SEVERE, "Unexpected error, reference " + reference.id(), e);
        }
        return Responses.of(500, internalError(reference.id()));
    }

    /**
     * A 500 that a server or the JAX-RS runtime gave without an exception of ours reaching this
     * mapper (an exception escaping a servlet filter, a {@code sendError(500)}, a runtime's own
     * {@code WebApplicationException}): logged once under a new reference, which the answer names,
     * like every other 500. {@code failure} is null when nothing was thrown.
     */
    public static ApiError internalError(Throwable failure, String request) {
        String reference = failure == null
                ? UUID.randomUUID().toString()
                : referenceFor(failure).id();
        if (failure == null) {
            LOG.log(Level.SEVERE, "The server answered 500 to {0} by itself, reference {1}", new Object[] {
                request, reference
            });
        } else {
            LOG.log(Level.SEVERE, "Unexpected error answering " + request + ", reference " + reference, failure);
        }
        return internalError(reference);
    }

    private static ApiError internalError(String reference) {
        return ApiError.of(
                ErrorType.API_ERROR,
                "api_error",
                "The gateway could not handle the request (reference " + reference + ").");
    }

    record Reference(String id, boolean first) {}

    /** The reference of {@code e}: a new one on the first call for it, the same one after. */
    static Reference referenceFor(Throwable e) {
        String fresh = UUID.randomUUID().toString();
        String earlier = REFERENCES.putIfAbsent(e, fresh);
        return earlier == null ? new Reference(fresh, true) : new Reference(earlier, false);
    }

    /**
     * Whether {@code e} comes from a database connection that broke or could not be made: an
     * SQLException of the connection class (SQLSTATE 08...) or of a refused or ended session, or
     * one caused by the server's pool failing to allocate a connection (a connector
     * ResourceException, as on Payara and WildFly, looked up by name so that servers without
     * connectors load this class too).
     */
    static boolean databaseUnreachable(Throwable e) {
        boolean fromJdbc = false;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                fromJdbc = true;
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && (state.startsWith("08") || REFUSED_OR_ENDED.contains(state))) {
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

    /**
     * Whether {@code e} is a lost race on an object's version: another request committed a change to
     * the same row first. Nothing of this request was kept, so it is the client's to retry (looked
     * up by name for the provider's own exception, which JPA does not always wrap).
     */
    static boolean concurrentUpdate(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || isA(t, "org.hibernate.StaleStateException")) {
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
