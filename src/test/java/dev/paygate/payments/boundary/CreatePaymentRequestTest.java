package dev.paygate.payments.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CreatePaymentRequestTest {

    @Test
    void toStringHidesCardNumberAndCvv() {
        CreatePaymentRequest r = new CreatePaymentRequest("merchant_123", "order_456", new BigDecimal("100.00"),
                "USD", "credit_card", "c@example.com", "John Doe", "4111 1111 1111 1111", 12, 2030, "987",
                "Test payment");
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
        CreatePaymentRequest r = new CreatePaymentRequest("m", "o", new BigDecimal("5"), "USD", "credit_card",
                null, null, "378282246310005", 1, 2031, "4321", null);
        String s = r.toString();
        assertFalse(s.contains("378282246310005"), s);
        assertFalse(s.contains("4321"), s);
    }
}
