package dev.paygate.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumberTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4111111111111111",
                "4000000000000002",
                "4000000000009995",
                "4242424242424242",
                "5555555555554444",
                "378282246310005",
                "6011111111111117",
                "3530111333300000",
                "30569309025904",
                "4111 1111 1111 1111",
                " 4111111111111111 ",
            })
    void luhnValid(String number) {
        assertTrue(CardNumber.luhnValid(number), number);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4111111111111112",
                "4111111111111121",
                "4000000000000001",
                "378282246310006",
                "4111-1111-1111-1111",
                "41111111111111a1",
                "",
            })
    void luhnInvalid(String number) {
        assertFalse(CardNumber.luhnValid(number), number);
    }

    @Test
    void luhnInvalidForNull() {
        assertFalse(CardNumber.luhnValid(null));
    }

    @Test
    void digitsRemovesSpaces() {
        assertEquals("4111111111111111", CardNumber.digits("4111 1111 1111 1111"));
        assertEquals("", CardNumber.digits(null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "411111111111", // 12
                "4111111111111111", // 16
                "4111111111111111111", // 19
                "4111 1111 1111 1111",
                "3782 822463 10005",
            })
    void wellFormed(String number) {
        assertTrue(CardNumber.wellFormed(number), number);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "41111111111", // 11
                "41111111111111111111", // 20
                "4111-1111-1111-1111",
                "4111x11111111111",
                "   ",
            })
    void notWellFormed(String number) {
        assertFalse(CardNumber.wellFormed(number), String.valueOf(number));
    }

    @ParameterizedTest
    @CsvSource({
        "4111111111111111, VISA",
        "4000000000000002, VISA",
        "4111 1111 1111 1111, VISA",
        "5100000000000000, MASTERCARD",
        "5555555555554444, MASTERCARD",
        "5500000000000000, MASTERCARD",
        "2221000000000009, MASTERCARD",
        "2500000000000000, MASTERCARD",
        "2720990000000000, MASTERCARD",
        "2220990000000000, UNKNOWN",
        "2721000000000000, UNKNOWN",
        "5000000000000000, UNKNOWN",
        "5600000000000000, UNKNOWN",
        "340000000000009, AMEX",
        "378282246310005, AMEX",
        "3782 822463 10005, AMEX",
        "350000000000000, UNKNOWN",
        "6011111111111117, DISCOVER",
        "6500000000000000, DISCOVER",
        "6440000000000000, DISCOVER",
        "6490000000000000, DISCOVER",
        "6430000000000000, UNKNOWN",
        "6012000000000000, UNKNOWN",
        "3528000000000000, JCB",
        "3530111333300000, JCB",
        "3589000000000000, JCB",
        "3527000000000000, UNKNOWN",
        "3590000000000000, UNKNOWN",
        "30569309025904, DINERS",
        "30000000000004, DINERS",
        "36000000000008, DINERS",
        "38520000023237, DINERS",
        "30600000000000, UNKNOWN",
        "6200000000000005, UNIONPAY",
        "6212345678901232, UNIONPAY",
        "1234567890123, UNKNOWN",
        "9999999999999, UNKNOWN",
    })
    void brandFromLeadingDigits(String number, CardBrand brand) {
        assertEquals(brand, CardNumber.brand(number), number);
    }

    @Test
    void brandOfTooShortIsUnknown() {
        assertEquals(CardBrand.UNKNOWN, CardNumber.brand(""));
        assertEquals(CardBrand.UNKNOWN, CardNumber.brand("5"));
    }

    @Test
    void last4() {
        assertEquals("1111", CardNumber.last4("4111111111111111"));
        assertEquals("0005", CardNumber.last4("3782 822463 10005"));
        assertEquals("9995", CardNumber.last4("4000 0000 0000 9995"));
        assertEquals("12", CardNumber.last4("12"));
    }

    @Test
    void cvvLengthIsFourOnlyForAmex() {
        assertEquals(4, CardBrand.AMEX.cvvLength());
    }

    @ParameterizedTest
    @EnumSource(value = CardBrand.class, names = "AMEX", mode = EnumSource.Mode.EXCLUDE)
    void cvvLengthIsThreeForOthers(CardBrand brand) {
        assertEquals(3, brand.cvvLength());
    }

    @Test
    void brandWireNames() {
        assertEquals("visa", CardBrand.VISA.wire());
        assertEquals("mastercard", CardBrand.MASTERCARD.wire());
        assertEquals("amex", CardBrand.AMEX.wire());
        assertEquals("unionpay", CardBrand.UNIONPAY.wire());
    }

    @Test
    void cardKeepsOnlyBrandAndLast4() {
        Card card = Card.from("3782 822463 10005", 7, 2031);
        assertEquals(new Card(CardBrand.AMEX, "0005", 7, 2031), card);
        assertFalse(card.toString().contains("378282246310005"));
    }
}
