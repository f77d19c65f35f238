package dev.paygate.payments.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/** An amount in a currency, never finer than the currency's minor unit. */
public record Money(BigDecimal amount, Currency currency) {

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999.99");

    public Money {
        if (!fitsMinorUnit(amount, currency)) {
            throw new IllegalArgumentException("too many decimal places for " + currency);
        }
        amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode).orElseThrow(
                () -> new IllegalArgumentException("unknown currency " + currencyCode)));
    }

    /** An ISO 4217 currency that has a minor unit (not a fund, metal or test code). */
    public static Optional<Currency> currency(String code) {
        if (code == null || !code.matches("[A-Za-z]{3}")) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the amount has no more decimal places than the currency's minor unit allows. */
    public static boolean fitsMinorUnit(BigDecimal amount, Currency currency) {
        return amount.stripTrailingZeros().scale() <= currency.getDefaultFractionDigits();
    }

    /** The amount written with exactly the currency's minor unit, as on the wire. */
    public static BigDecimal scaled(BigDecimal amount, String currencyCode) {
        return currency(currencyCode)
                .map(c -> amount.setScale(c.getDefaultFractionDigits(), RoundingMode.UNNECESSARY))
                .orElse(amount);
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }
}
