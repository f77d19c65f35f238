package dev.paygate.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.payments.boundary.CreatePaymentRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bean Validation on {@link CreatePaymentRequest} (field constraints and the cross-field
 * {@code PaymentRulesValidator}), as the client sees it after {@link ConstraintViolationMapper}.
 */
class ConstraintViolationMapperTest {

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

    /** A request with every field settable; starts out as a valid Visa payment. */
    static final class Req {
        String merchantId = "merchant_123";
        String orderId = "order_456";
        BigDecimal amount = new BigDecimal("100.00");
        String currency = "USD";
        String paymentMethod = "credit_card";
        String customerEmail = "customer@example.com";
        String customerName = "John Doe";
        String cardNumber = "4111111111111111";
        Integer cardExpiryMonth = 12;
        Integer cardExpiryYear = 2030;
        String cardCvv = "123";
        String description = "Test payment";
        String captureMethod;
        String iban;

        Req noCard() {
            cardNumber = null;
            cardExpiryMonth = null;
            cardExpiryYear = null;
            cardCvv = null;
            return this;
        }

        CreatePaymentRequest build() {
            return new CreatePaymentRequest(
                    merchantId,
                    orderId,
                    amount,
                    currency,
                    paymentMethod,
                    customerEmail,
                    customerName,
                    cardNumber,
                    cardExpiryMonth,
                    cardExpiryYear,
                    cardCvv,
                    description,
                    captureMethod,
                    iban,
                    null);
        }
    }

    private static Req req() {
        return new Req();
    }

    private static List<FieldError> errors(Req r) {
        Set<ConstraintViolation<CreatePaymentRequest>> violations = validator.validate(r.build());
        if (violations.isEmpty()) {
            return List.of();
        }
        return ConstraintViolationMapper.errors(new ConstraintViolationException(violations));
    }

    private static Set<String> params(List<FieldError> errors) {
        return errors.stream().map(FieldError::param).collect(Collectors.toSet());
    }

    private static void assertOnly(Req r, String param, String code) {
        List<FieldError> errors = errors(r);
        assertFalse(errors.isEmpty(), "expected " + param + " " + code);
        assertEquals(Set.of(param), params(errors), errors.toString());
        assertTrue(errors.stream().allMatch(e -> e.code().equals(code)), errors.toString());
        assertTrue(errors.stream().allMatch(e -> e.message().startsWith(param + " ")), errors.toString());
    }

    private static void assertHas(List<FieldError> errors, String param, String code) {
        assertTrue(
                errors.stream()
                        .anyMatch(e -> e.param().equals(param) && e.code().equals(code)),
                "expected " + param + " " + code + " in " + errors);
    }

    private static void assertValid(Req r) {
        List<FieldError> errors = errors(r);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    // --- valid requests ---

    @Test
    void validCardPayment() {
        assertValid(req());
    }

    @Test
    void validCardPaymentWithSpacesAndLowerCaseCurrency() {
        Req r = req();
        r.cardNumber = "4111 1111 1111 1111";
        r.currency = "usd";
        assertValid(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"paypal", "bank_transfer"})
    void validNonCardPayment(String method) {
        Req r = req().noCard();
        r.paymentMethod = method;
        assertValid(r);
    }

    @Test
    void aBankTransferTakesAValidIban() {
        Req r = req().noCard();
        r.paymentMethod = "bank_transfer";
        r.iban = "DE89 3704 0044 0532 0130 00";
        assertValid(r);
        r.iban = "DE89370400440532013001";
        assertOnly(r, "iban", "invalid_iban");
    }

    @Test
    void onlyABankTransferTakesAnIban() {
        Req r = req();
        r.iban = "DE89370400440532013000";
        assertOnly(r, "iban", "parameter_not_allowed");
    }

    @Test
    void captureMethodIsAutomaticOrManual() {
        Req r = req();
        r.captureMethod = "manual";
        assertValid(r);
        r.captureMethod = "later";
        assertOnly(r, "capture_method", "parameter_invalid");
    }

    @Test
    void validDebitCardPayment() {
        Req r = req();
        r.paymentMethod = "debit_card";
        assertValid(r);
    }

    @Test
    void optionalFieldsMayBeOmitted() {
        Req r = req();
        r.customerEmail = null;
        r.customerName = null;
        r.description = null;
        assertValid(r);
    }

    // --- merchant and order ---

    @Test
    void merchantIdMayBeLeftOutTheApiKeyNamesTheMerchant() {
        Req r = req();
        r.merchantId = null;
        assertEquals(List.of(), errors(r));
    }

    @Test
    void missingOrderId() {
        Req r = req();
        r.orderId = null;
        assertOnly(r, "order_id", "parameter_missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"merchant 123", "merchant/123", "merchant@123", "mérchant", "m;drop"})
    void merchantIdWithBadCharacters(String merchantId) {
        Req r = req();
        r.merchantId = merchantId;
        assertOnly(r, "merchant_id", "parameter_invalid");
        assertTrue(
                errors(r).get(0).message().contains("may contain only"),
                errors(r).toString());
    }

    @Test
    void merchantIdAllowedCharacters() {
        Req r = req();
        r.merchantId = "Merchant_1.test-A";
        assertValid(r);
    }

    @Test
    void merchantIdTooLong() {
        Req r = req();
        r.merchantId = "m".repeat(65);
        assertOnly(r, "merchant_id", "parameter_invalid");
        r.merchantId = "m".repeat(64);
        assertValid(r);
    }

    @Test
    void emptyMerchantIdIsInvalid() {
        Req r = req();
        r.merchantId = "";
        assertOnly(r, "merchant_id", "parameter_invalid");
    }

    // --- amount and currency ---

    @Test
    void missingAmount() {
        Req r = req();
        r.amount = null;
        assertOnly(r, "amount", "parameter_missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "100000000", "99999999.991"})
    void amountOutOfRange(String amount) {
        Req r = req();
        r.amount = new BigDecimal(amount);
        List<FieldError> errors = errors(r);
        assertEquals(Set.of("amount"), params(errors), errors.toString());
        assertHas(errors, "amount", "parameter_invalid");
    }

    @Test
    void amountZeroMessage() {
        Req r = req();
        r.amount = BigDecimal.ZERO;
        assertEquals(
                List.of(new FieldError("amount", "parameter_invalid", "amount must be greater than 0")), errors(r));
    }

    @Test
    void amountAboveMaximumMessage() {
        Req r = req();
        r.amount = new BigDecimal("100000000.00");
        assertEquals(
                List.of(new FieldError("amount", "parameter_invalid", "amount must be at most 99999999.99")),
                errors(r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "99999999.99", "1"})
    void amountAtTheLimits(String amount) {
        Req r = req();
        r.amount = new BigDecimal(amount);
        assertValid(r);
    }

    @Test
    void jpyWithDecimalsIsTooPrecise() {
        Req r = req();
        r.currency = "JPY";
        r.amount = new BigDecimal("100.5");
        assertOnly(r, "amount", "invalid_amount_precision");
        assertTrue(errors(r).get(0).message().contains("JPY"), errors(r).toString());
    }

    @Test
    void jpyWholeAmountsAreFine() {
        Req r = req();
        r.currency = "JPY";
        r.amount = new BigDecimal("100");
        assertValid(r);
        r.amount = new BigDecimal("100.00");
        assertValid(r);
    }

    @Test
    void usdWithThreeDecimalsIsTooPrecise() {
        Req r = req();
        r.amount = new BigDecimal("1.234");
        assertOnly(r, "amount", "invalid_amount_precision");
    }

    @Test
    void kwdAllowsThreeDecimals() {
        Req r = req();
        r.currency = "KWD";
        r.amount = new BigDecimal("1.234");
        assertValid(r);
        r.amount = new BigDecimal("1.2345");
        assertOnly(r, "amount", "invalid_amount_precision");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "US", "USDD", "XAU", "XXX", "12$", ""})
    void unknownCurrency(String currency) {
        Req r = req();
        r.currency = currency;
        assertOnly(r, "currency", "invalid_currency");
    }

    @Test
    void missingCurrency() {
        Req r = req();
        r.currency = null;
        assertOnly(r, "currency", "parameter_missing");
    }

    // --- payment method ---

    @ParameterizedTest
    @ValueSource(strings = {"cash", "CREDIT_CARD", "Credit_Card", "credit card", "crypto", ""})
    void paymentMethodNotOneOfFour(String method) {
        Req r = req().noCard();
        r.paymentMethod = method;
        List<FieldError> errors = errors(r);
        assertEquals(Set.of("payment_method"), params(errors), errors.toString());
        assertHas(errors, "payment_method", "parameter_invalid");
        assertTrue(
                errors.get(0).message().contains("credit_card, debit_card, paypal, bank_transfer"), errors.toString());
    }

    @Test
    void missingPaymentMethod() {
        Req r = req().noCard();
        r.paymentMethod = null;
        assertOnly(r, "payment_method", "parameter_missing");
    }

    // --- customer ---

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "customer@", "@example.com", "customer@example", "a b@example.com"})
    void badEmail(String email) {
        Req r = req();
        r.customerEmail = email;
        assertOnly(r, "customer_email", "parameter_invalid");
    }

    @Test
    void customerNameTooLong() {
        Req r = req();
        r.customerName = "n".repeat(201);
        assertOnly(r, "customer_name", "parameter_invalid");
    }

    @Test
    void descriptionTooLong() {
        Req r = req();
        r.description = "d".repeat(1001);
        assertOnly(r, "description", "parameter_invalid");
    }

    // --- card ---

    @ParameterizedTest
    @ValueSource(strings = {"credit_card", "debit_card"})
    void cardMethodWithoutCardFields(String method) {
        Req r = req().noCard();
        r.paymentMethod = method;
        List<FieldError> errors = errors(r);
        assertEquals(
                Set.of("card_number", "card_expiry_month", "card_expiry_year", "card_cvv"),
                params(errors),
                errors.toString());
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.stream().allMatch(e -> e.code().equals("parameter_missing")), errors.toString());
    }

    @Test
    void luhnFailure() {
        Req r = req();
        r.cardNumber = "4111111111111112";
        assertOnly(r, "card_number", "invalid_number");
        assertTrue(errors(r).get(0).message().contains("Luhn"), errors(r).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"41111111111", "41111111111111111111", "4111-1111-1111-1111", "abcd", ""})
    void malformedCardNumber(String number) {
        Req r = req();
        r.cardNumber = number;
        assertOnly(r, "card_number", "invalid_number");
    }

    @Test
    void declineTestCardsAreValidNumbers() {
        Req r = req();
        r.cardNumber = "4000000000000002";
        assertValid(r);
        r.cardNumber = "4000000000009995";
        assertValid(r);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 13, -1, 99})
    void expiryMonthOutOfRange(int month) {
        Req r = req();
        r.cardExpiryMonth = month;
        assertOnly(r, "card_expiry_month", "invalid_expiry_month");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 12})
    void expiryMonthInRange(int month) {
        Req r = req();
        r.cardExpiryMonth = month;
        assertValid(r);
    }

    @ParameterizedTest
    @ValueSource(ints = {203, 30, 0, 20300, -2030})
    void expiryYearNotFourDigits(int year) {
        Req r = req();
        r.cardExpiryYear = year;
        assertOnly(r, "card_expiry_year", "invalid_expiry_year");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "12", "12a", "", " 123"})
    void visaCvvMustBeThreeDigits(String cvv) {
        Req r = req();
        r.cardCvv = cvv;
        assertOnly(r, "card_cvv", "invalid_cvc");
    }

    @Test
    void amexCvvMustBeFourDigits() {
        Req r = req();
        r.cardNumber = "378282246310005";
        r.cardCvv = "1234";
        assertValid(r);

        r.cardCvv = "123";
        assertOnly(r, "card_cvv", "invalid_cvc");
        assertTrue(errors(r).get(0).message().contains("4 digits"), errors(r).toString());

        r.cardNumber = "3782 822463 10005";
        r.cardCvv = "1234";
        assertValid(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"paypal", "bank_transfer"})
    void cardFieldsOnNonCardMethodsAreNotAllowed(String method) {
        Req r = req();
        r.paymentMethod = method;
        List<FieldError> errors = errors(r);
        assertEquals(
                Set.of("card_number", "card_expiry_month", "card_expiry_year", "card_cvv"),
                params(errors),
                errors.toString());
        assertTrue(errors.stream().allMatch(e -> e.code().equals("parameter_not_allowed")), errors.toString());
        assertTrue(errors.stream().allMatch(e -> e.message().contains(method)), errors.toString());
    }

    @Test
    void singleCardFieldOnPaypalIsNotAllowed() {
        Req r = req().noCard();
        r.paymentMethod = "paypal";
        r.cardCvv = "123";
        assertOnly(r, "card_cvv", "parameter_not_allowed");
    }

    // --- the mapper ---

    @Test
    void errorsAreSortedByParamAndNameEveryField() {
        Req r = req();
        r.orderId = null;
        r.currency = "ABC";
        r.cardNumber = "4111111111111112";
        r.cardExpiryMonth = 13;
        List<FieldError> errors = errors(r);
        assertEquals(
                List.of("card_expiry_month", "card_number", "currency", "order_id"),
                errors.stream().map(FieldError::param).toList(),
                errors.toString());

        InvalidRequest e = InvalidRequest.of(errors);
        assertEquals("card_expiry_month", e.param());
        assertEquals("invalid_expiry_month", e.code());
        assertTrue(e.getMessage().contains("3 more"), e.getMessage());
    }

    @Test
    void codePrefixIsNotShownToTheClient() {
        Req r = req();
        r.currency = "ABC";
        FieldError error = errors(r).get(0);
        assertFalse(error.message().contains("code:"), error.message());
        assertTrue(error.message().startsWith("currency must be an ISO 4217"), error.message());
    }

    @Test
    void noViolationsStillNamesTheBody() {
        assertEquals(
                List.of(new FieldError("body", "parameter_invalid", "The request is invalid.")),
                ConstraintViolationMapper.errors(new ConstraintViolationException(Set.of())));
    }

    @Test
    void violationMessagesNeverEchoTheCardNumberOrCvv() {
        Req r = req();
        r.cardNumber = "4111111111111112";
        r.cardCvv = "98765";
        for (FieldError e : errors(r)) {
            assertFalse(e.message().contains("4111111111111112"), e.message());
            assertFalse(e.message().contains("98765"), e.message());
        }
    }
}
