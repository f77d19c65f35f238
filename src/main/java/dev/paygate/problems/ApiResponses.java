package dev.paygate.problems;

/**
 * Descriptions of the answers every keyed endpoint may give, shared by the OpenAPI annotations. The
 * 400, 401 and 429 answers, and the 422 of a reused Idempotency-Key, are components of the OpenAPI
 * document ({@code GatewayApplication}) by these names, which every keyed operation (every keyed
 * POST, for the 422) refers to ({@code OpenApiDescriptions}).
 */
public final class ApiResponses {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED_REF = "Unauthorized";
    public static final String RATE_LIMITED_REF = "RateLimited";
    public static final String KEY_REUSED_REF = "IdempotencyKeyReused";

    public static final String UNAUTHORIZED = "No key, or an unknown or revoked key, or a disabled merchant "
            + "(`authentication_error`: api_key_missing, api_key_invalid, api_key_revoked, merchant_disabled)";
    public static final String RATE_LIMITED =
            "Over the key's rate limit (`rate_limit_error`, rate_limited); " + "retry after `Retry-After` seconds";
    public static final String FORBIDDEN =
            "`merchant_id` names another merchant than the key's " + "(`permission_error`, merchant_mismatch)";
    public static final String KEY_REUSED =
            "The Idempotency-Key was used for a different request " + "(`idempotency_error`, idempotency_key_reused)";
    public static final String KEY_IN_USE = "The state does not allow this, or the first request with this "
            + "Idempotency-Key is still running (`idempotency_error`, idempotency_key_in_use)";
    public static final String IDEMPOTENCY_KEY = "Up to 255 printable characters. A retry with the same key and "
            + "request gets the first answer again, with `Idempotent-Replayed: true`; kept 24 hours.";

    private ApiResponses() {}
}
