package dev.paygate.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemsTest {

    @ParameterizedTest
    @CsvSource({
        "cardLast4, card_last4",
        "merchantId, merchant_id",
        "cardExpiryMonth, card_expiry_month",
        "cardCvv, card_cvv",
        "amount, amount",
        "paymentMethod, payment_method",
        "customerEmail, customer_email",
        "card_number, card_number",
    })
    void snake(String camel, String snake) {
        assertEquals(snake, WireNames.snake(camel));
    }

    @Test
    void invalidRequestWithOneError() {
        FieldError only = new FieldError("amount", "parameter_invalid", "amount must be greater than 0");
        InvalidRequest e = InvalidRequest.of(List.of(only));
        assertEquals("amount", e.param());
        assertEquals("parameter_invalid", e.code());
        assertEquals("amount must be greater than 0", e.getMessage());
        assertEquals(List.of(only), e.errors());
        assertEquals(ErrorType.INVALID_REQUEST_ERROR, e.type());
    }

    @Test
    void invalidRequestWithSeveralErrorsIsNamedAfterTheFirst() {
        List<FieldError> errors = new ArrayList<>(List.of(
                new FieldError("amount", "parameter_invalid", "amount must be greater than 0"),
                new FieldError("currency", "invalid_currency", "currency must be an ISO 4217 code"),
                new FieldError("merchant_id", "parameter_missing", "merchant_id must not be null")));
        InvalidRequest e = InvalidRequest.of(errors);
        assertEquals("amount", e.param());
        assertEquals("parameter_invalid", e.code());
        assertTrue(e.getMessage().startsWith("amount must be greater than 0"), e.getMessage());
        assertTrue(e.getMessage().contains("2 more"), e.getMessage());
        assertEquals(3, e.errors().size());
        assertEquals(errors, e.errors());

        errors.clear();
        assertEquals(3, e.errors().size(), "the exception keeps its own copy of the errors");

        ApiError.Body body = e.toApiError().error();
        assertEquals("invalid_request_error", body.type());
        assertEquals("parameter_invalid", body.code());
        assertEquals("amount", body.param());
        assertEquals(e.getMessage(), body.message());
        assertEquals(3, body.errors().size());
        assertEquals("currency", body.errors().get(1).param());
        assertEquals("invalid_currency", body.errors().get(1).code());
    }

    @Test
    void invalidRequestWithParam() {
        InvalidRequest e = new InvalidRequest("parameter_invalid", "limit", "limit must be 1 to 100");
        assertEquals(List.of(new FieldError("limit", "parameter_invalid", "limit must be 1 to 100")), e.errors());
        assertEquals("limit", e.toApiError().error().param());
    }

    @Test
    void aFaultOfTheWholeBodyNamesTheBody() {
        InvalidRequest e = new InvalidRequest("body_missing", "The request needs a body.");
        assertEquals("body", e.param());
        assertEquals(List.of(new FieldError("body", "body_missing", "The request needs a body.")), e.errors());
        assertEquals("body", e.toApiError().error().param());
        assertEquals("body_missing", e.toApiError().error().code());
    }

    @Test
    void errorTypeStatus() {
        assertEquals(400, ErrorType.INVALID_REQUEST_ERROR.status());
        assertEquals(404, ErrorType.NOT_FOUND.status());
        assertEquals(409, ErrorType.CONFLICT.status());
        assertEquals(413, ErrorType.PAYLOAD_TOO_LARGE.status());
        assertEquals(500, ErrorType.API_ERROR.status());
    }

    @Test
    void errorTypeWire() {
        assertEquals("invalid_request_error", ErrorType.INVALID_REQUEST_ERROR.wire());
        assertEquals("invalid_request_error", ErrorType.NOT_FOUND.wire());
        assertEquals("invalid_request_error", ErrorType.CONFLICT.wire());
        assertEquals("invalid_request_error", ErrorType.PAYLOAD_TOO_LARGE.wire());
        assertEquals("api_error", ErrorType.API_ERROR.wire());
    }

    @Test
    void resourceNotFound() {
        ResourceNotFound e = new ResourceNotFound("payment", "pay_x");
        assertEquals(404, e.type().status());
        assertEquals("resource_missing", e.code());
        assertEquals("No such payment: 'pay_x'", e.getMessage());
        assertTrue(e.errors().isEmpty());
        assertEquals("id", e.toApiError().error().param());
    }

    @Test
    void stateConflictAndPayloadTooLarge() {
        StateConflict c = new StateConflict("payment_invalid_state", "no");
        assertEquals(409, c.type().status());
        assertNull(c.param());
        assertTrue(c.errors().isEmpty());

        PayloadTooLarge p = new PayloadTooLarge(64 * 1024);
        assertEquals(413, p.type().status());
        assertEquals("payload_too_large", p.code());
        assertTrue(p.getMessage().contains("64 KiB"), p.getMessage());
    }

    @Test
    void apiErrorShortForm() {
        ApiError e = ApiError.of(ErrorType.API_ERROR, "api_error", "boom");
        assertEquals("api_error", e.error().type());
        assertEquals("api_error", e.error().code());
        assertEquals("boom", e.error().message());
        assertNull(e.error().param());
        assertTrue(e.error().errors().isEmpty());
    }
}
