package dev.paygate.problems;

/** The first request with this idempotency key is still running. */
public class IdempotencyKeyInUse extends GatewayException {

    public IdempotencyKeyInUse(String key) {
        super(
                ErrorType.IDEMPOTENCY_CONFLICT,
                "idempotency_key_in_use",
                "Idempotency-Key",
                "A request with Idempotency-Key '" + key + "' is still being processed. Retry shortly.");
    }

    @Override
    public java.util.List<FieldError> errors() {
        return java.util.List.of();
    }
}
