package dev.paygate.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.payments.boundary.CreatePaymentRequest;
import dev.paygate.problems.FieldError;
import dev.paygate.problems.InvalidRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRequestsTest {

    /** A small request record, as the API's records are: String, BigDecimal and Integer fields. */
    public record Sample(String orderId, BigDecimal amount, Integer count) {
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Sample sample(String json) {
        return JsonRequests.read(utf8(json), Sample.class);
    }

    private static InvalidRequest rejected(String json) {
        return assertThrows(InvalidRequest.class, () -> sample(json));
    }

    private static InvalidRequest rejectedPayment(String json) {
        return assertThrows(InvalidRequest.class, () -> JsonRequests.read(utf8(json), CreatePaymentRequest.class));
    }

    @Test
    void readsSnakeCaseNamesIntoTheRecord() {
        Sample s = sample("{\"order_id\":\"o-1\",\"amount\":100.50,\"count\":3}");
        assertEquals(new Sample("o-1", new BigDecimal("100.50"), 3), s);
    }

    @Test
    void missingAndNullFieldsAreNull() {
        assertEquals(new Sample(null, null, null), sample("{}"));
        assertEquals(new Sample(null, null, null), sample("{\"order_id\":null,\"amount\":null,\"count\":null}"));
    }

    @Test
    void numericStringsAreAccepted() {
        Sample s = sample("{\"amount\":\"100.00\",\"count\":\"12\"}");
        assertEquals(new BigDecimal("100.00"), s.amount());
        assertEquals(12, s.count());
        assertEquals(new BigDecimal("-3.5"), sample("{\"amount\":\" -3.5 \"}").amount());
    }

    @Test
    void amountKeepsItsScale() {
        assertEquals("100.00", sample("{\"amount\":100.00}").amount().toPlainString());
    }

    @Test
    void unknownFieldIsNamed() {
        InvalidRequest e = rejected("{\"order_id\":\"o\",\"colour\":\"red\"}");
        assertEquals("colour", e.param());
        assertEquals("parameter_unknown", e.code());
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
    }

    @Test
    void camelCaseNameIsUnknown() {
        InvalidRequest e = rejected("{\"orderId\":\"o\"}");
        assertEquals("orderId", e.param());
        assertEquals("parameter_unknown", e.code());
    }

    @Test
    void everyOffendingFieldIsListed() {
        InvalidRequest e = rejected("{\"x\":1,\"count\":\"many\",\"order_id\":5}");
        assertEquals(3, e.errors().size(), e.errors().toString());
        assertEquals("x", e.param());
        assertTrue(e.errors().contains(new FieldError("count", "parameter_invalid", "count must be a whole number")));
        assertTrue(e.errors().contains(new FieldError("order_id", "parameter_invalid", "order_id must be a string")));
        assertTrue(e.getMessage().contains("2 more"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"order_id\":}", "{order_id:\"o\"}", "{\"a\" 1}", "not json", "{\"order_id\":\"o\",}"})
    void malformedJson(String json) {
        InvalidRequest e = rejected(json);
        assertEquals("body_malformed", e.code());
        assertEquals("body", e.param());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"order_id\":\"o\"}]", "\"text\"", "42", "true", "null"})
    void nonObjectBody(String json) {
        InvalidRequest e = rejected(json);
        assertEquals("body_invalid", e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t "})
    void emptyBody(String json) {
        InvalidRequest e = rejected(json);
        assertEquals("body_missing", e.code());
    }

    @Test
    void stringForIntegerIsNamed() {
        InvalidRequest e = rejected("{\"count\":\"twelve\"}");
        assertEquals("count", e.param());
        assertEquals("parameter_invalid", e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.5", "\"12.5\"", "true", "[1]", "{}", "99999999999"})
    void notAWholeNumber(String value) {
        InvalidRequest e = rejected("{\"count\":" + value + "}");
        assertEquals("count", e.param());
        assertEquals("parameter_invalid", e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"ten\"", "\"1e3\"", "\"\"", "true", "[]", "{}"})
    void notADecimal(String value) {
        InvalidRequest e = rejected("{\"amount\":" + value + "}");
        assertEquals("amount", e.param());
        assertEquals("parameter_invalid", e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "1.5", "true", "[\"o\"]", "{}"})
    void notAString(String value) {
        InvalidRequest e = rejected("{\"order_id\":" + value + "}");
        assertEquals("order_id", e.param());
        assertEquals("parameter_invalid", e.code());
    }

    @Test
    void wholeNumberWithZeroFractionIsAccepted() {
        assertEquals(12, sample("{\"count\":12.0}").count());
    }

    // --- the real payment request ---

    @Test
    void readsACreatePaymentRequest() {
        CreatePaymentRequest r = JsonRequests.read(utf8("""
                {"merchant_id":"merchant_123","order_id":"order_456","amount":"100.00","currency":"USD",
                 "payment_method":"credit_card","customer_email":"c@example.com","customer_name":"John Doe",
                 "card_number":"4111 1111 1111 1111","card_expiry_month":"12","card_expiry_year":2030,
                 "card_cvv":"123","description":"Test payment"}
                """), CreatePaymentRequest.class);
        assertEquals("merchant_123", r.merchantId());
        assertEquals("order_456", r.orderId());
        assertEquals(new BigDecimal("100.00"), r.amount());
        assertEquals("USD", r.currency());
        assertEquals("credit_card", r.paymentMethod());
        assertEquals("c@example.com", r.customerEmail());
        assertEquals("John Doe", r.customerName());
        assertEquals("4111 1111 1111 1111", r.cardNumber());
        assertEquals(12, r.cardExpiryMonth());
        assertEquals(2030, r.cardExpiryYear());
        assertEquals("123", r.cardCvv());
        assertEquals("Test payment", r.description());
    }

    @Test
    void createPaymentRequestWithNulls() {
        CreatePaymentRequest r = JsonRequests.read(utf8("{\"merchant_id\":\"m\",\"card_number\":null}"),
                CreatePaymentRequest.class);
        assertEquals("m", r.merchantId());
        assertNull(r.cardNumber());
        assertNull(r.amount());
        assertNull(r.cardExpiryMonth());
    }

    @Test
    void createPaymentRequestUnknownField() {
        InvalidRequest e = rejectedPayment("{\"merchant_id\":\"m\",\"card_pin\":\"1234\"}");
        assertEquals("card_pin", e.param());
        assertEquals("parameter_unknown", e.code());
    }

    @Test
    void createPaymentRequestCamelCaseFieldIsUnknown() {
        InvalidRequest e = rejectedPayment("{\"merchantId\":\"m\"}");
        assertEquals("merchantId", e.param());
        assertEquals("parameter_unknown", e.code());
    }

    @Test
    void createPaymentRequestWrongTypes() {
        InvalidRequest e = rejectedPayment("{\"card_expiry_month\":\"December\"}");
        assertEquals("card_expiry_month", e.param());
        assertEquals("parameter_invalid", e.code());

        e = rejectedPayment("{\"amount\":\"a lot\"}");
        assertEquals("amount", e.param());
        assertEquals("parameter_invalid", e.code());

        e = rejectedPayment("{\"card_number\":4111111111111111}");
        assertEquals("card_number", e.param());
        assertEquals("parameter_invalid", e.code());
    }

    @Test
    void createPaymentRequestBodyErrors() {
        assertEquals("body_malformed", rejectedPayment("{\"amount\": 1").code());
        assertEquals("body_invalid", rejectedPayment("[]").code());
        assertEquals("body_missing", rejectedPayment("").code());
        assertEquals("body", rejectedPayment("").param());
    }

    @Test
    void unknownFieldErrorDoesNotEchoCardData() {
        InvalidRequest e = rejectedPayment("{\"card_number\":\"4111111111111111\",\"pan\":\"4111111111111111\"}");
        assertEquals("pan", e.param());
        for (FieldError error : e.errors()) {
            assertTrue(!error.message().contains("4111111111111111"), error.message());
        }
        assertEquals(List.of("pan"), e.errors().stream().map(FieldError::param).toList());
    }

    @Test
    void contentAfterTheObjectIsMalformed() {
        assertEquals("body_malformed", rejected("{\"order_id\":\"x\"} trailing").code());
        assertEquals("body_malformed", rejected("{\"order_id\":\"x\"}{}").code());
    }

    @Test
    void aKeyGivenTwiceIsRejectedNotReadAsItsLastValue() {
        InvalidRequest e = rejectedPayment("{\"amount\": 1, \"amount\": 1000}");
        assertEquals("body_malformed", e.code());
    }
}
