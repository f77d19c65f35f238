package dev.paygate.access.boundary;

import dev.paygate.access.entity.Credential;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.PermissionDenied;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who sent the current request: the merchant of its API key, or nobody in particular when
 * authentication is switched off. Resources ask it which merchant's objects a request may touch.
 */
@RequestScoped
public class Caller {

    private Credential credential;

    void authenticated(Credential credential) {
        this.credential = credential;
    }

    /**
     * The merchant a request acts for. With a key, a {@code merchant_id} in the request may be
     * omitted, and must otherwise be the key's own; without authentication it is required.
     */
    public String merchantFor(String named, String param) {
        if (credential == null) {
            if (named == null || named.isBlank()) {
                throw new InvalidRequest("parameter_missing", param, param + " is required");
            }
            return named;
        }
        if (named != null && !named.equals(credential.merchantId())) {
            throw new PermissionDenied(
                    "merchant_mismatch",
                    param,
                    "This API key belongs to another merchant than " + param + " '" + named + "'.");
        }
        return credential.merchantId();
    }

    /** The merchant whose objects this request may see; null when authentication is off: all of them. */
    public String scope() {
        return credential == null ? null : credential.merchantId();
    }

    /** The key the request came with, or null. */
    public Credential credential() {
        return credential;
    }
}
