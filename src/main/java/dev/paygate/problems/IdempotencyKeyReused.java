package dev.paygate.problems;

/** An idempotency key came back with a different request than the one it was first used for. */
public class IdempotencyKeyReused extends GatewayException {

    public IdempotencyKeyReused(String key) {
        super(
                ErrorType.IDEMPOTENCY_MISMATCH,
                "idempotency_key_reused",
                "Idempotency-Key",
                "Idempotency-Key '" + key + "' was already used for a different request (method, path or body). "
                        + "Use a new key for a new request.");
    }
}
