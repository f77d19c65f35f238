package dev.paygate.payments.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paygate.idempotency.control.Fingerprint;
import dev.paygate.idempotency.control.FingerprintAs.Part;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreatePaymentRequestTest {

    @Test
    void toStringHidesCardNumberAndCvv() {
        CreatePaymentRequest r = new CreatePaymentRequest(
                "merchant_123",
                "order_456",
                new BigDecimal("100.00"),
                "USD",
                "credit_card",
                "c@example.com",
                "John Doe",
                "4111 1111 1111 1111",
                12,
                2030,
                "987",
                "Test payment",
                null,
                null,
                null);
        String s = r.toString();
        assertFalse(s.contains("4111 1111 1111 1111"), s);
        assertFalse(s.replace(" ", "").contains("4111111111111111"), s);
        assertFalse(s.contains("987"), s);
        assertFalse(s.contains("card_cvv"), s);
        assertTrue(s.contains("merchant_123"), s);
        assertTrue(s.contains("order_456"), s);
    }

    @Test
    void toStringHidesAmexNumberAndCvv() {
        CreatePaymentRequest r = new CreatePaymentRequest(
                "m",
                "o",
                new BigDecimal("5"),
                "USD",
                "credit_card",
                null,
                null,
                "378282246310005",
                1,
                2031,
                "4321",
                null,
                "manual",
                null,
                null);
        String s = r.toString();
        assertFalse(s.contains("378282246310005"), s);
        assertFalse(s.contains("4321"), s);
    }

    /** A retry with the same key is compared without the security code and with only the card's last four digits. */
    @Test
    void idempotencyKeysNeverFingerprintCardOrAccountData() throws NoSuchMethodException {
        assertEquals(
                Map.of("card_number", Part.LAST_FOUR_DIGITS, "card_cvv", Part.NOTHING, "iban", Part.LAST_FOUR_DIGITS),
                Fingerprint.marks(
                        PaymentsResource.class.getMethod("create", CreatePaymentRequest.class, String.class)));
    }
}
