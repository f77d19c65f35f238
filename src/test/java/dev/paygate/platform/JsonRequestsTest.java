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
    public record Sample(String orderId, BigDecimal amount, Integer count) {}

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
    @ValueSource(
            strings = {"{", "{\"order_id\":}", "{order_id:\"o\"}", "{\"a\" 1}", "not json", "{\"order_id\":\"o\",}"})
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
        CreatePaymentRequest r =
                JsonRequests.read(utf8("{\"merchant_id\":\"m\",\"card_number\":null}"), CreatePaymentRequest.class);
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

    // --- hostile input: bounded before anything is built from it ---

    @ParameterizedTest
    @ValueSource(strings = {"1e9999999999", "1e-9999999999", "-1E+9999999999", "1e33", "1e-33", "1.5e100"})
    void anExponentOutOfBoundsIsANamed400(String number) {
        for (String field : List.of("amount", "count")) {
            InvalidRequest e = rejected("{\"" + field + "\":" + number + "}");
            assertEquals(field, e.param(), number);
            assertEquals("parameter_invalid", e.code(), number);
            assertTrue(e.getMessage().contains("exponent"), e.getMessage());
        }
    }

    @Test
    void numbersWithTooManyDigitsAreANamed400() {
        for (String number : List.of(
                "1".repeat(1100),
                "1".repeat(60_000),
                "0." + "0".repeat(2000) + "1",
                "1." + "5".repeat(32),
                "9".repeat(33),
                "-" + "9".repeat(33) + "e0")) {
            long started = System.nanoTime();
            InvalidRequest e = rejected("{\"amount\":" + number + "}");
            assertEquals("amount", e.param());
            assertEquals("parameter_invalid", e.code());
            assertTrue(e.getMessage().contains("at most 32 digits"), e.getMessage());
            assertTrue(System.nanoTime() - started < 1_000_000_000L, "refused at once");
        }
    }

    @Test
    void numbersWithinTheBoundsAreRead() {
        assertEquals(new BigDecimal("1e32"), sample("{\"amount\":1e32}").amount());
        assertEquals(new BigDecimal("1E-32"), sample("{\"amount\":1E-32}").amount());
        assertEquals(new BigDecimal("1e5"), sample("{\"amount\":1e+0005}").amount());
        assertEquals(
                new BigDecimal("9".repeat(32)),
                sample("{\"amount\":" + "9".repeat(32) + "}").amount());
        assertEquals(1200, sample("{\"count\":1.2e3}").count());
    }

    @Test
    void aHugeNumberUnderAnUnknownNameIsNotBuilt() {
        InvalidRequest e = rejected("{\"colour\":" + "7".repeat(5000) + "e9999999999}");
        assertEquals("colour", e.param());
        assertEquals("parameter_unknown", e.code());
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 1000, 30_000})
    void deepNestingIsRefusedWithoutRecursion(int depth) {
        String nested = "[".repeat(depth) + "]".repeat(depth);
        InvalidRequest e = rejected("{\"order_id\":" + nested + "}");
        assertEquals("order_id", e.param());
        assertEquals("parameter_invalid", e.code());
        assertTrue(e.getMessage().contains("nested"), e.getMessage());

        String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        e = rejected("{\"count\":" + objects + "}");
        assertEquals("count", e.param());

        e = rejected("{\"unknown\":" + nested + "}");
        assertEquals("body", e.param());
        assertEquals("parameter_invalid", e.code());
    }

    @Test
    void shallowNestingIsAWrongTypeAndEveryFieldIsStillListed() {
        InvalidRequest e = rejected("{\"order_id\":[[[{\"a\":[1e9999999999]}]]],\"count\":{\"b\":{}},\"x\":[[1]]}");
        assertEquals(
                List.of("order_id", "count", "x"),
                e.errors().stream().map(FieldError::param).toList());
        assertEquals("order_id must be a string", e.errors().get(0).message());
    }

    @Test
    void aHugeStringIsANamed400() {
        InvalidRequest e = rejected("{\"order_id\":\"" + "x".repeat(60_000) + "\"}");
        assertEquals("order_id", e.param());
        assertEquals("parameter_invalid", e.code());
        assertTrue(e.getMessage().contains("at most 4096 characters"), e.getMessage());
        assertEquals(
                "amount", rejected("{\"amount\":\"" + "1".repeat(5000) + "\"}").param());
        assertEquals(
                "x".repeat(4096),
                sample("{\"order_id\":\"" + "x".repeat(4096) + "\"}").orderId());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"\\u0000", "\\u001f", "\\t", "\\n", "\\r", "\\u007f", "\\u0085", "\\u009f", "\\ud800", "\\udc00x"
            })
    void controlCharactersAndBrokenSurrogatesAreANamed400(String escape) {
        InvalidRequest e = rejected("{\"order_id\":\"a" + escape + "b\"}");
        assertEquals("order_id", e.param());
        assertEquals("parameter_invalid", e.code());
        assertEquals(
                "order_id must not contain control characters (U+0000 to U+001F, U+007F to U+009F)", e.getMessage());
    }

    @Test
    void aRawControlCharacterIsMalformedJson() {
        assertEquals("body_malformed", rejected("{\"order_id\":\"a\u0000b\"}").code());
    }

    @Test
    void everyStringFieldOfEveryRequestIsChecked() {
        InvalidRequest e = rejectedPayment(
                "{\"description\":\"x\\u0000\",\"customer_name\":\"y\\u0007\",\"currency\":\"US\\u0000D\"}");
        assertEquals(
                List.of("description", "customer_name", "currency"),
                e.errors().stream().map(FieldError::param).toList());
    }

    @Test
    void printableTextIsKept() {
        String text = "Zoë 北京 €5 \uD83D\uDE00 \u00a0";
        assertEquals(text, sample("{\"order_id\":\"" + text + "\"}").orderId());
        assertEquals(
                "Zo\u00eb \uD83D\uDE00",
                sample("{\"order_id\":\"Zo\\u00eb \\ud83d\\ude00\"}").orderId());
    }

    @Test
    void invalidUtf8IsA400() {
        byte[][] bodies = {
            {'{', '"', 'o', 'r', 'd', 'e', 'r', '_', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
            {'{', '"', 'o', 'r', 'd', 'e', 'r', '_', 'i', 'd', '"', ':', '"', (byte) 0xFF, '"', '}'},
            {
                '{',
                '"',
                'o',
                'r',
                'd',
                'e',
                'r',
                '_',
                'i',
                'd',
                '"',
                ':',
                '"',
                (byte) 0xED,
                (byte) 0xA0,
                (byte) 0x80,
                '"',
                '}'
            },
            {'{', '"', 'o', 'r', 'd', 'e', 'r', '_', 'i', 'd', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'},
        };
        for (byte[] body : bodies) {
            InvalidRequest e = assertThrows(InvalidRequest.class, () -> JsonRequests.read(body, Sample.class));
            assertEquals("body_malformed", e.code());
            assertEquals("body", e.param());
            assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        }
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        assertEquals("o", sample("\uFEFF{\"order_id\":\"o\"}").orderId());
    }

    @Test
    void anUnknownNameIsShownOnlyWhenItLooksLikeAName() {
        for (String key : List.of("4111111111111111", "pan4111111111111111", "a\\u0000b", "x".repeat(65), "a b")) {
            InvalidRequest e = rejected("{\"" + key + "\":1}");
            assertEquals("body", e.param(), key);
            assertEquals("parameter_unknown", e.code(), key);
            assertTrue(!e.getMessage().contains("4111"), e.getMessage());
        }
        InvalidRequest twice = rejected("{\"4111111111111111\":1,\"4111111111111111\":1}");
        assertEquals("body_malformed", twice.code());
        assertTrue(!twice.getMessage().contains("4111"), twice.getMessage());
    }
}
