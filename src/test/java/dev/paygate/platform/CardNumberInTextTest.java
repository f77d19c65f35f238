package dev.paygate.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumberInTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4111111111111111", // Visa, 16
                "4222222222222", // Visa, 13
                "378282246310005", // Amex, 15
                "30569309025904", // Diners, 14
                "6011111111111117", // Discover
                "5555555555554444", // Mastercard
                "2223003122003222", // Mastercard 2-series
                "6200000000000005", // UnionPay
                "4111111111111111110", // 19 digits
                "4111 1111 1111 1111", // as printed
                "4111-1111-1111-1111",
                "3782 822463 10005", // Amex's 4-6-5
                "3782-822463-10005",
                "4111 11111111 1111",
                "4111 1111 1111 1111 110", // 19 digits, 4-4-4-4-3
                "my card is 4111 1111 1111 1111, exp 12/30",
                "INV4111111111111111", // letters around it do not matter
                "order-4111111111111111",
                "4111111111111111@example.com",
                "12 4111 1111 1111 1111", // a short number before it
                "100 4111 1111 1111 1111", // a group before it that does not belong to it
                "4111 1111 1111 1111 2024", // and after it
                "2024-01-15 4111-1111-1111-1111",
                "4111 1111-1111 1111-4111-1111-1111-1111", // separators change, the second number is whole
                "no. 4111111111111111.",
                "key_5555555555554444_retry"
            })
    void findsACardNumber(String text) {
        assertTrue(CardNumberInText.found(text), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Test payment",
                "4111111111111112", // fails Luhn
                "4111 1111 1111 1112",
                "411111111111", // 12 digits
                "4111 1111 1111",
                "41111111111111111115", // 20 digits written together (passing Luhn): a reference
                "order 123456789012345678901234567890",
                "0000000000000", // zero-padded, passes Luhn
                "0004111111111111111", // a card number zero-padded to 19 digits
                "1764676800006", // a millisecond timestamp (passes Luhn)
                "1764676800000000006", // nanoseconds (passes Luhn)
                "41 11 11 11 11 11 11 11", // groups of two are not how card numbers are typed
                "4111  1111  1111  1111", // two spaces
                "4111 - 1111 - 1111 - 1111",
                "4111.1111.1111.1111",
                "4111/1111/1111/1111",
                "+49 170 1234567", // a phone number
                "2024-01-14 2024-02-15", // dates: groups of two (together, Luhn passes)
                "550e8400-e29b-41d4-a716-446655440000", // a UUID
                "Call 555-0100 about order 8812 of 12.30"
            })
    void findsNoCardNumber(String text) {
        assertFalse(CardNumberInText.found(text), text);
    }

    @Test
    void theNegativeExamplesWouldBeFoundButForTheirShape() {
        for (String text : new String[] {
            "41111111111111111115",
            "0004111111111111111",
            "1764676800006",
            "1764676800000000006",
            "4111111111111111",
            "2024011420240215"
        }) {
            assertTrue(CardNumberInText.luhnValid(text, 0, text.length()), text);
        }
    }

    @Test
    void nullIsNoCardNumber() {
        assertFalse(CardNumberInText.found(null));
    }

    @Test
    void everyLengthFrom13To19IsFound() {
        for (int length = 13; length <= 19; length++) {
            String number = withCheckDigit("4" + "0".repeat(length - 3) + "7");
            assertTrue(CardNumberInText.found("x " + number + " y"), number);
            assertFalse(CardNumberInText.found("x " + number + "1 y"), number + "1 fails Luhn or is too long");
        }
    }

    @Test
    void longTextIsScannedQuickly() {
        String text = "123 ".repeat(16_000) + "4111 1111 1111 1111";
        long started = System.nanoTime();
        assertTrue(CardNumberInText.found(text));
        assertFalse(CardNumberInText.found("1".repeat(64 * 1024)));
        assertTrue(System.nanoTime() - started < 500_000_000L);
    }

    private static String withCheckDigit(String body) {
        for (char check = '0'; check <= '9'; check++) {
            String candidate = body + check;
            if (CardNumberInText.luhnValid(candidate, 0, candidate.length())) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }
}
