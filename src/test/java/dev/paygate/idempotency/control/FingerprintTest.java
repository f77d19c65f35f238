package dev.paygate.idempotency.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.idempotency.control.FingerprintAs.Part;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static final String PATH = "api/v1/payments";
    private static final String PAYMENT = """
            {"merchant_id":"merchant_1","order_id":"order_1","amount":"100.00","currency":"USD",
             "payment_method":"credit_card","card_number":"4111111111111111","card_expiry_month":12,
             "card_expiry_year":2030,"card_cvv":"123"}""";

    /** How the payment request marks its card data. */
    private static final Map<String, Part> CARD =
            Map.of("card_number", Part.LAST_FOUR_DIGITS, "card_cvv", Part.NOTHING);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String post(String body) {
        return Fingerprint.of("POST", PATH, utf8(body), CARD);
    }

    private static String canonical(String body) {
        return new String(Fingerprint.canonical(utf8(body), CARD), StandardCharsets.UTF_8);
    }

    @Test
    void isAHexSha256() {
        assertTrue(post(PAYMENT).matches("[0-9a-f]{64}"), post(PAYMENT));
        assertEquals(post(PAYMENT), post(PAYMENT));
    }

    @Test
    void keyOrderAndWhitespaceDoNotMatter() {
        String reordered = """
                {
                  "card_cvv" : "123",
                  "card_expiry_year" : 2030,   "card_expiry_month" : 12,
                  "card_number" : "4111111111111111",
                  "payment_method" : "credit_card",
                  "currency" : "USD", "amount" : "100.00",
                  "order_id" : "order_1",
                  "merchant_id" : "merchant_1"
                }
                """;
        assertEquals(post(PAYMENT), post(reordered));
    }

    @Test
    void nestedObjectsAreComparedByContentToo() {
        assertEquals(
                post("{\"a\":{\"x\":1,\"y\":[1,{\"q\":true,\"p\":null}]},\"b\":\"s\"}"),
                post("{ \"b\" : \"s\", \"a\" : { \"y\" : [ 1, { \"p\" : null, \"q\" : true } ], \"x\" : 1 } }"));
    }

    @Test
    void arrayOrderMatters() {
        assertNotEquals(post("{\"a\":[1,2]}"), post("{\"a\":[2,1]}"));
    }

    @Test
    void differsByMethod() {
        assertNotEquals(
                Fingerprint.of("POST", PATH, utf8(PAYMENT), CARD), Fingerprint.of("PUT", PATH, utf8(PAYMENT), CARD));
    }

    @Test
    void differsByPath() {
        assertNotEquals(
                Fingerprint.of("POST", "api/v1/payments/pay_1/refunds", utf8("{\"amount\":\"5\"}"), CARD),
                Fingerprint.of("POST", "api/v1/payments/pay_2/refunds", utf8("{\"amount\":\"5\"}"), CARD));
        assertNotEquals(
                Fingerprint.of("POST", PATH, utf8(PAYMENT), CARD),
                Fingerprint.of("POST", PATH + "?x=1", utf8(PAYMENT), CARD));
    }

    @Test
    void differsByAnyBodyValue() {
        assertNotEquals(post(PAYMENT), post(PAYMENT.replace("100.00", "100.01")));
        assertNotEquals(post(PAYMENT), post(PAYMENT.replace("USD", "EUR")));
        assertNotEquals(post(PAYMENT), post(PAYMENT.replace("order_1", "order_2")));
        assertNotEquals(post(PAYMENT), post(PAYMENT.replace("\"card_expiry_month\":12", "\"card_expiry_month\":11")));
        assertNotEquals(post("{\"a\":\"1\"}"), post("{\"a\":1}"), "a string is not a number");
        assertNotEquals(post("{\"a\":1}"), post("{\"a\":1,\"b\":null}"));
    }

    @Test
    void cardNumberCountsOnlyByItsLastFourDigits() {
        String otherCardSameLast4 = PAYMENT.replace("4111111111111111", "5555555555551111");
        assertEquals(post(PAYMENT), post(otherCardSameLast4));
        String spaced = PAYMENT.replace("4111111111111111", "4111 1111 1111 1111");
        assertEquals(post(PAYMENT), post(spaced));
    }

    @Test
    void differentLastFourDigitsMakeADifferentRequest() {
        assertNotEquals(post(PAYMENT), post(PAYMENT.replace("4111111111111111", "4111111111111112")));
        assertNotEquals(post(PAYMENT), post(PAYMENT.replace("4111111111111111", "4111111111114111")));
    }

    @Test
    void securityCodeDoesNotCountAtAll() {
        assertEquals(post(PAYMENT), post(PAYMENT.replace("\"card_cvv\":\"123\"", "\"card_cvv\":\"999\"")));
        assertEquals(post(PAYMENT), post(PAYMENT.replace(",\"card_cvv\":\"123\"", "")));
    }

    @Test
    void canonicalFormHoldsNeitherTheCardNumberNorTheSecurityCode() {
        String body = PAYMENT.replace("4111111111111111", "4000056655665556").replace("\"123\"", "\"987\"");
        String canonical = canonical(body);
        assertFalse(canonical.contains("4000056655665556"), canonical);
        assertFalse(canonical.contains("400005665566"), canonical);
        assertFalse(canonical.contains("card_cvv"), canonical);
        assertFalse(canonical.contains("987"), canonical);
        assertTrue(canonical.contains("\"card_number\":\"5556\""), canonical);
        assertTrue(canonical.contains("\"order_id\":\"order_1\""), canonical);

        String spaced = canonical(body.replace("4000056655665556", "4000 0566 5566 5556"));
        assertFalse(spaced.contains("4000 0566"), spaced);
        assertTrue(spaced.contains("\"card_number\":\"5556\""), spaced);
    }

    @Test
    void bodiesThatAreNotJsonNeverHaveTheirBytesHashed() {
        String form = "card_number=4111111111111111&card_cvv=123";
        String canonical = new String(Fingerprint.canonical(utf8(form), CARD), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(canonical.contains("4111111111111111"), canonical);
        assertFalse(canonical.contains("123"), canonical);
        assertEquals(post(form), post("amount=1"), "every unparseable body is the same (refused) request");
    }

    @Test
    void malformedJsonAndTrailingContentHoldNoCardData() {
        String broken = "{\"card_number\":\"4111111111111111\",\"card_cvv\":\"123\",}";
        String canonical =
                new String(Fingerprint.canonical(utf8(broken), CARD), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(canonical.contains("4111111111111111") || canonical.contains("123"), canonical);
        assertNotEquals(post("{\"a\":1}"), post("{\"a\":1} garbage"), "trailing content makes another request");
        assertNotEquals(post("{\"a\":1}"), post("{\"a\":1}{\"b\":2}"));
    }

    @Test
    void aNumericCardNumberCountsByItsLastFourDigitsToo() {
        String canonical = new String(
                Fingerprint.canonical(utf8("{\"card_number\":4111111111111111}"), CARD),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("{\"card_number\":\"1111\"}", canonical);
    }

    @Test
    void emptyBody() {
        byte[] empty = new byte[0];
        String fingerprint = Fingerprint.of("POST", "api/v1/payments/pay_1/capture", empty, CARD);
        assertTrue(fingerprint.matches("[0-9a-f]{64}"));
        assertEquals(fingerprint, Fingerprint.of("POST", "api/v1/payments/pay_1/capture", new byte[0], CARD));
        assertEquals(0, Fingerprint.canonical(empty, CARD).length);
        assertNotEquals(fingerprint, Fingerprint.of("POST", "api/v1/payments/pay_1/capture", utf8("{}"), CARD));
    }

    @Test
    void unmarkedFieldsCountWhole() {
        String canonical = new String(Fingerprint.canonical(utf8(PAYMENT), Map.of()), StandardCharsets.UTF_8);
        assertTrue(canonical.contains("\"card_number\":\"4111111111111111\""), canonical);
        assertTrue(canonical.contains("\"card_cvv\":\"123\""), canonical);
    }

    record Marked(
            @FingerprintAs(Part.LAST_FOUR_DIGITS) String accountNumber,
            @FingerprintAs(Part.NOTHING) String pin,
            String note) {}

    static void take(String id, Marked body) {}

    @Test
    void marksAreReadFromTheRequestRecordsAResourceMethodTakes() throws NoSuchMethodException {
        Map<String, Part> marks =
                Fingerprint.marks(FingerprintTest.class.getDeclaredMethod("take", String.class, Marked.class));
        assertEquals(Map.of("account_number", Part.LAST_FOUR_DIGITS, "pin", Part.NOTHING), marks);
        String canonical = new String(
                Fingerprint.canonical(
                        utf8("{\"account_number\":\"DE89370400440532013000\"," + "\"pin\":\"1234\",\"note\":\"n\"}"),
                        marks),
                StandardCharsets.UTF_8);
        assertEquals("{\"account_number\":\"3000\",\"note\":\"n\"}", canonical);
    }

    /** Resource methods as the API has them: one takes a request record, the other no body. */
    record Request(String cardNumber) {}

    static final class Endpoints {
        void create(Request request) {}

        void cancel(String id, String idempotencyKey) {}
    }

    @Test
    void onlyAMethodThatTakesARequestRecordHasItsBodyCounted() throws NoSuchMethodException {
        assertTrue(Fingerprint.readsBody(Endpoints.class.getDeclaredMethod("create", Request.class)));
        // A body the method ignores, card data and all, is never hashed.
        assertFalse(Fingerprint.readsBody(Endpoints.class.getDeclaredMethod("cancel", String.class, String.class)));
    }
}
