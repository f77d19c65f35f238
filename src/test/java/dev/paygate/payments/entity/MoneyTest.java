package dev.paygate.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");

    @ParameterizedTest
    @CsvSource({"USD,USD", "usd,USD", "Usd,USD", "eUr,EUR", "jpy,JPY", "KWD,KWD"})
    void currencyLookupIsCaseInsensitive(String code, String expected) {
        assertEquals(Currency.getInstance(expected), Money.currency(code).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "QQQ", "zzz", "US", "USDD", "US1", "U$D", " USD", "USD "})
    void unknownOrMalformedCodesAreEmpty(String code) {
        assertTrue(Money.currency(code).isEmpty(), code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingCodeIsEmpty(String code) {
        assertTrue(Money.currency(code).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XAU", "xau", "XAG", "XPT", "XTS", "XDR"})
    void codesWithoutMinorUnitAreEmpty(String code) {
        assertTrue(Money.currency(code).isEmpty(), code);
    }

    @ParameterizedTest
    @CsvSource({
        "100, JPY, true",
        "100.00, JPY, true",
        "100.5, JPY, false",
        "0.1, JPY, false",
        "1.23, USD, true",
        "1.2, USD, true",
        "1, USD, true",
        "1.230, USD, true",
        "1.234, USD, false",
        "0.001, USD, false",
        "1.234, KWD, true",
        "1.2340, KWD, true",
        "1.2345, KWD, false",
        "1E+2, JPY, true",
    })
    void fitsMinorUnit(String amount, String code, boolean fits) {
        assertEquals(
                fits, Money.fitsMinorUnit(new BigDecimal(amount), Currency.getInstance(code)), amount + " " + code);
    }

    @Test
    void scaledWritesExactlyTheMinorUnit() {
        assertEquals("100.00", Money.scaled(new BigDecimal("100"), "USD").toPlainString());
        assertEquals("1.50", Money.scaled(new BigDecimal("1.5"), "usd").toPlainString());
        assertEquals("100", Money.scaled(new BigDecimal("100.00"), "JPY").toPlainString());
        assertEquals("1.500", Money.scaled(new BigDecimal("1.5"), "KWD").toPlainString());
    }

    @Test
    void scaledLeavesAnUnknownCurrencyAlone() {
        BigDecimal amount = new BigDecimal("1.2345");
        assertEquals(amount, Money.scaled(amount, "QQQ"));
    }

    @Test
    void scaledNeverRoundsAwayMoney() {
        assertThrows(ArithmeticException.class, () -> Money.scaled(new BigDecimal("1.005"), "USD"));
    }

    @Test
    void ofNormalisesToTheMinorUnit() {
        Money money = Money.of(new BigDecimal("100"), "usd");
        assertEquals("100.00", money.amount().toPlainString());
        assertEquals("USD", money.currencyCode());
        assertEquals(Money.of(new BigDecimal("100.0"), "USD"), money);
        assertEquals("100", Money.of(new BigDecimal("100.00"), "JPY").amount().toPlainString());
    }

    @Test
    void ofRejectsAnUnknownCurrency() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(BigDecimal.ONE, "QQQ"));
        assertThrows(IllegalArgumentException.class, () -> Money.of(BigDecimal.ONE, "XAU"));
    }

    @Test
    void constructorRejectsTooManyDecimals() {
        assertThrows(IllegalArgumentException.class, () -> new Money(new BigDecimal("100.5"), JPY));
        assertThrows(IllegalArgumentException.class, () -> new Money(new BigDecimal("1.234"), USD));
        assertEquals("1.234", new Money(new BigDecimal("1.234"), KWD).amount().toPlainString());
    }

    @Test
    void maxAmountIsTheDocumentedLimit() {
        assertEquals(0, new BigDecimal("99999999.99").compareTo(Money.MAX_AMOUNT));
        assertFalse(Money.MAX_AMOUNT.compareTo(new BigDecimal("100000000")) >= 0);
    }
}
