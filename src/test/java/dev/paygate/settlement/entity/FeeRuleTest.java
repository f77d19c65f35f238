package dev.paygate.settlement.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeeRuleTest {

    private static FeeRule rule(String method, String currency, String percent, long fixed) {
        return new FeeRule("m", method, currency, new BigDecimal(percent), fixed);
    }

    @Test
    void thePercentageIsRoundedHalfUpToTheMinorUnitThenTheFixedFeeAdded() {
        FeeRule card = rule("CARD", "*", "2.9", 30);
        // 2.9 % of 10.50 is 0.3045: 0.30, plus 0.30.
        assertEquals(new BigDecimal("0.60"), card.feeOn(new BigDecimal("10.50"), "EUR"));
        // 2.9 % of 10.00 is 0.29 exactly.
        assertEquals(new BigDecimal("0.59"), card.feeOn(new BigDecimal("10.00"), "EUR"));
        // 2.9 % of 0.50 is 0.0145: 0.01 (half up would need 0.015).
        assertEquals(new BigDecimal("0.31"), card.feeOn(new BigDecimal("0.50"), "EUR"));
        // 1.5 % of 33.00 is 0.495: half up to 0.50.
        assertEquals(new BigDecimal("0.75"), rule("CARD", "*", "1.5", 25).feeOn(new BigDecimal("33.00"), "EUR"));
    }

    @Test
    void aCurrencyWithoutMinorUnitsRoundsToWholeUnitsAndTakesTheFixedFeeAsUnits() {
        // 3.6 % of 1234 yen is 44.424: 44, plus 30 yen.
        assertEquals(new BigDecimal("74"), rule("CARD", "*", "3.6", 30).feeOn(new BigDecimal("1234"), "JPY"));
        // Kuwaiti dinars have three decimals: 2.9 % of 10.000 is 0.290, plus 0.030.
        assertEquals(new BigDecimal("0.320"), rule("CARD", "*", "2.9", 30).feeOn(new BigDecimal("10.000"), "KWD"));
    }

    @Test
    void theMostSpecificRuleThatCoversThePaymentPricesIt() {
        List<FeeRule> rules = List.of(
                rule("*", "*", "3", 0),
                rule("CARD", "*", "2", 0),
                rule("*", "EUR", "1.5", 0),
                rule("CARD", "EUR", "1", 0));
        assertEquals(new BigDecimal("1"), FeeRule.choose(rules, "CARD", "EUR").percent());
        assertEquals(new BigDecimal("2"), FeeRule.choose(rules, "CARD", "USD").percent());
        assertEquals(
                new BigDecimal("1.5"), FeeRule.choose(rules, "PAYPAL", "EUR").percent());
        assertEquals(new BigDecimal("3"), FeeRule.choose(rules, "PAYPAL", "USD").percent());
        assertEquals(null, FeeRule.choose(List.of(rule("CARD", "EUR", "1", 0)), "PAYPAL", "EUR"));
    }

    @Test
    void theDefaultPlanCoversEveryPayment() {
        for (String method : List.of("CARD", "PAYPAL", "BANK_TRANSFER", "SOMETHING_NEW")) {
            assertEquals(true, FeeRule.choose(FeeRule.DEFAULTS, method, "EUR") != null, method);
        }
    }

    @Test
    void aRuleOutsideItsBoundsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> rule("CARD", "*", "100", 0));
        assertThrows(IllegalArgumentException.class, () -> rule("CARD", "*", "-0.1", 0));
        assertThrows(IllegalArgumentException.class, () -> rule("CARD", "*", "1.00001", 0));
        assertThrows(IllegalArgumentException.class, () -> rule("CARD", "*", "1", -1));
    }
}
