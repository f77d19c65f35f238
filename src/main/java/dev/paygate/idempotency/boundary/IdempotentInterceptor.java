package dev.paygate.idempotency.boundary;

import dev.paygate.idempotency.control.IdempotencyKeys;
import dev.paygate.platform.JsonbConfiguration;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;

/**
 * Runs inside the facade method's transaction (an enterprise bean's interceptors run in the
 * transaction of its business method): when the method returns, the answer is stored under the
 * request's idempotency key before that transaction commits. A payment is therefore never created
 * without its stored answer, and a retry can never create a second one.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotentInterceptor {

    @Inject
    IdempotencyClaim claim;

    @Inject
    IdempotencyKeys keys;

    @AroundInvoke
    Object storeAnswer(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        if (claim.id() != null) {
            int status;
            Object entity;
            String location = null;
            if (result instanceof Response response) {
                status = response.getStatus();
                entity = response.getEntity();
                location = response.getLocation() == null
                        ? null
                        : response.getLocation().toString();
            } else {
                status = result == null ? 204 : 200;
                entity = result;
            }
            keys.complete(claim.id(), status, JsonbConfiguration.toJson(entity), location);
            claim.stored(status);
        }
        return result;
    }
}
