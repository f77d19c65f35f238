package dev.paygate.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.merchants.boundary.MerchantRequest;
import dev.paygate.payments.boundary.CreatePaymentRequest;
import dev.paygate.platform.JsonRequests;
import dev.paygate.refunds.boundary.RefundRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every free-text field of every request refuses a card number as {@code card_number_in_text},
 * naming the field and never quoting the number, as the client sees it after reading and
 * validation.
 */
class CardNumberInTextFieldsTest {

    static final String CARD = "5555555555554444";
    static final Map<String, String> WRITTEN = Map.of(
            "plain", CARD,
            "spaced", "5555 5555 5555 4444",
            "dashed", "5555-5555-5555-4444",
            "in_words", "paid with 5555 5555 5555 4444 today");

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeFactory() {
        factory.close();
    }

    private static final String PAYMENT = """
            {"merchant_id":"merchant_123","order_id":"order_456","amount":"100.00","currency":"USD",
             "payment_method":"credit_card","customer_email":"c@example.com","customer_name":"John Doe",
             "card_number":"4111 1111 1111 1111","card_expiry_month":12,"card_expiry_year":2030,
             "card_cvv":"123","description":"Test payment"}""";

    /** The client's view: the errors after reading {@code json} into {@code type} and validating it. */
    private static <R extends Record> List<FieldError> errors(String json, Class<R> type) {
        R request = JsonRequests.read(json.getBytes(StandardCharsets.UTF_8), type);
        var violations = validator.validate(request);
        return violations.isEmpty()
                ? List.of()
                : ConstraintViolationMapper.errors(new ConstraintViolationException(violations));
    }

    private static String with(String json, String field, String value) {
        return json.replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":\"" + value + "\"");
    }

    private static void assertRefused(List<FieldError> errors, String field, String written) {
        FieldError error = errors.stream()
                .filter(e -> e.param().equals(field))
                .findFirst()
                .orElseThrow(() -> new AssertionError(field + " with " + written + " was accepted: " + errors));
        assertEquals("card_number_in_text", error.code(), error.toString());
        assertTrue(error.message().startsWith(field + " looks like it holds a card number"), error.message());
        assertFalse(error.message().replaceAll("[ -]", "").contains(CARD), error.message());
    }

    @Test
    void theExampleRequestsAreValid() {
        assertEquals(List.of(), errors(PAYMENT, CreatePaymentRequest.class));
        assertEquals(List.of(), errors("{\"amount\":5,\"reason\":\"requested_by_customer\"}", RefundRequest.class));
        assertEquals(
                List.of(),
                errors(
                        "{\"id\":\"m_1\",\"name\":\"Acme\",\"webhook_url\":\"https://a.example/h\"}",
                        MerchantRequest.class));
    }

    @Test
    void paymentDescriptionAndNameRefuseACardNumberHoweverWritten() {
        for (var written : WRITTEN.entrySet()) {
            for (String field : List.of("description", "customer_name")) {
                assertRefused(
                        errors(with(PAYMENT, field, written.getValue()), CreatePaymentRequest.class),
                        field,
                        written.getKey());
            }
        }
    }

    @Test
    void paymentIdentifiersAndEmailRefuseACardNumber() {
        assertRefused(
                errors(with(PAYMENT, "order_id", "order-" + CARD), CreatePaymentRequest.class), "order_id", "plain");
        assertRefused(
                errors(with(PAYMENT, "order_id", "5555-5555-5555-4444"), CreatePaymentRequest.class),
                "order_id",
                "dashed");
        assertRefused(
                errors(with(PAYMENT, "merchant_id", "m_" + CARD), CreatePaymentRequest.class), "merchant_id", "plain");
        assertRefused(
                errors(with(PAYMENT, "customer_email", CARD + "@example.com"), CreatePaymentRequest.class),
                "customer_email",
                "plain");
    }

    @Test
    void theCardNumberFieldItselfStillTakesTheNumber() {
        assertEquals(List.of(), errors(PAYMENT.replace("4111 1111 1111 1111", CARD), CreatePaymentRequest.class));
    }

    @Test
    void refundReasonRefusesACardNumber() {
        for (var written : WRITTEN.entrySet()) {
            assertRefused(
                    errors("{\"reason\":\"" + written.getValue() + "\"}", RefundRequest.class),
                    "reason",
                    written.getKey());
        }
    }

    @Test
    void merchantFieldsRefuseACardNumber() {
        for (var written : WRITTEN.entrySet()) {
            assertRefused(
                    errors("{\"name\":\"" + written.getValue() + "\"}", MerchantRequest.class),
                    "name",
                    written.getKey());
        }
        assertRefused(errors("{\"id\":\"m_" + CARD + "\"}", MerchantRequest.class), "id", "plain");
        assertRefused(
                errors("{\"webhook_url\":\"https://a.example/h?c=" + CARD + "\"}", MerchantRequest.class),
                "webhook_url",
                "plain");
    }

    @Test
    void numbersThatAreNotCardNumbersPass() {
        assertEquals(
                List.of(),
                errors(
                        with(PAYMENT, "description", "Order 4111 1111 1111 1112, 12 items"),
                        CreatePaymentRequest.class));
        assertEquals(List.of(), errors(with(PAYMENT, "order_id", "order-1764676800006"), CreatePaymentRequest.class));
    }
}
