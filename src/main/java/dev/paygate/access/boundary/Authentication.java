package dev.paygate.access.boundary;

import dev.paygate.access.control.Credentials;
import dev.paygate.access.entity.ApiKey;
import dev.paygate.access.entity.Credential;
import dev.paygate.platform.Unauthenticated;
import dev.paygate.problems.AuthenticationFailed;
import dev.paygate.problems.Responses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every API resource needs a credential unless it is marked {@link Unauthenticated}: the admin
 * token for the admin API, a merchant's secret key for everything else. The key is sent as
 * {@code Authorization: Bearer sk_test_...}, or as the user name of HTTP Basic, as Stripe accepts.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class Authentication implements ContainerRequestFilter {

    public static final String MODE_NONE = "none";

    @Context
    ResourceInfo resource;

    @Inject
    Caller caller;

    @Inject
    Credentials credentials;

    @Inject
    AdminToken admin;

    @Inject
    @ConfigProperty(name = "paygate.auth.mode", defaultValue = "api_key")
    String mode;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> type = resource.getResourceClass();
        // OPTIONS only names the allowed methods (and answers CORS preflights): no credential needed.
        if (type == null || type.isAnnotationPresent(Unauthenticated.class) || "OPTIONS".equals(request.getMethod())) {
            return;
        }
        String presented = presented(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (type.isAnnotationPresent(AdminOnly.class)) {
            if (!admin.matches(presented)) {
                refuse(
                        request,
                        "admin_token_invalid",
                        presented == null
                                ? "The admin API needs Authorization: Bearer <admin token> (PAYGATE_ADMIN_TOKEN)."
                                : "The admin token is not valid.");
            }
            return;
        }
        if (MODE_NONE.equals(mode)) {
            return;
        }
        if (presented == null) {
            refuse(
                    request,
                    "api_key_missing",
                    "No API key provided. Send it as Authorization: Bearer sk_test_..., or as the HTTP Basic user name.");
            return;
        }
        Credential credential = ApiKey.wellFormed(presented)
                ? credentials.authenticate(presented).orElse(null)
                : null;
        if (credential == null) {
            refuse(request, "api_key_invalid", "Invalid API key provided: " + masked(presented));
        } else if (credential.revoked()) {
            refuse(request, "api_key_revoked", "This API key was revoked: " + masked(presented));
        } else if (!credential.merchantActive()) {
            refuse(request, "merchant_disabled", "The merchant of this API key is disabled.");
        } else {
            caller.authenticated(credential);
        }
    }

    private static void refuse(ContainerRequestContext request, String code, String message) {
        request.abortWith(Response.fromResponse(Responses.of(new AuthenticationFailed(code, message)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"paygate\"")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"paygate\"")
                .build());
    }

    /** The credential in an Authorization header: a bearer token, or the user name of Basic. */
    static String presented(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = value.substring(space + 1).trim();
        if (scheme.equals("bearer")) {
            return credentials.isEmpty() ? null : credentials;
        }
        if (scheme.equals("basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String user = colon < 0 ? decoded : decoded.substring(0, colon);
                return user.isEmpty() ? null : user;
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }

    /** Enough of a key to recognise it in an error, never enough to use it. */
    static String masked(String key) {
        if (key.length() < 24) {
            return "*".repeat(key.length());
        }
        return key.substring(0, 8) + "*".repeat(Math.min(key.length() - 12, 24)) + key.substring(key.length() - 4);
    }
}
