package dev.paygate.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorTypeTest {

    @ParameterizedTest
    @CsvSource({
        "AUTHENTICATION_ERROR, 401, authentication_error",
        "PERMISSION_ERROR, 403, permission_error",
        "IDEMPOTENCY_CONFLICT, 409, idempotency_error",
        "IDEMPOTENCY_MISMATCH, 422, idempotency_error",
        "RATE_LIMIT_ERROR, 429, rate_limit_error",
        "SERVICE_UNAVAILABLE, 503, api_error",
    })
    void newTypesHaveTheirStatusAndWireName(ErrorType type, int status, String wire) {
        assertEquals(status, type.status());
        assertEquals(wire, type.wire());
    }

    @Test
    void reusedIdempotencyKey() {
        IdempotencyKeyReused e = new IdempotencyKeyReused("order-1");
        assertEquals(ErrorType.IDEMPOTENCY_MISMATCH, e.type());
        assertEquals("idempotency_key_reused", e.code());
        assertEquals("Idempotency-Key", e.param());
        assertEquals("idempotency_key_reused", e.toApiError().error().code());
        assertEquals("idempotency_error", e.toApiError().error().type());
    }

    @Test
    void idempotencyKeyInUse() {
        IdempotencyKeyInUse e = new IdempotencyKeyInUse("order-1");
        assertEquals(ErrorType.IDEMPOTENCY_CONFLICT, e.type());
        assertEquals("idempotency_key_in_use", e.code());
        assertEquals("idempotency_key_in_use", e.toApiError().error().code());
    }

    @Test
    void rateLimited() {
        RateLimited e = new RateLimited("write", 25);
        assertEquals(ErrorType.RATE_LIMIT_ERROR, e.type());
        assertEquals("rate_limited", e.code());
        assertEquals("rate_limit_error", e.toApiError().error().type());
    }

    @Test
    void authenticationFailedCarriesTheGivenCode() {
        AuthenticationFailed e = new AuthenticationFailed("api_key_revoked", "This API key was revoked.");
        assertEquals(ErrorType.AUTHENTICATION_ERROR, e.type());
        assertEquals("api_key_revoked", e.code());
        assertEquals("This API key was revoked.", e.getMessage());
        assertEquals("api_key_revoked", e.toApiError().error().code());
    }

    @Test
    void permissionDeniedCarriesTheGivenCode() {
        PermissionDenied e = new PermissionDenied("merchant_mismatch", "merchant_id", "Not your merchant.");
        assertEquals(ErrorType.PERMISSION_ERROR, e.type());
        assertEquals("merchant_mismatch", e.code());
        assertEquals("merchant_id", e.param());
        assertEquals("permission_error", e.toApiError().error().type());
    }

    @Test
    void serviceUnavailableCarriesTheGivenCode() {
        ServiceUnavailable e = new ServiceUnavailable("broker_unavailable", "The broker is unreachable.");
        assertEquals(ErrorType.SERVICE_UNAVAILABLE, e.type());
        assertEquals("broker_unavailable", e.toApiError().error().code());
        assertEquals("api_error", e.toApiError().error().type());
        assertEquals("The broker is unreachable.", e.toApiError().error().message());
    }
}
