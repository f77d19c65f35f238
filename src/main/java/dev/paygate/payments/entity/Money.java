package dev.paygate.payments.entity;

import dev.paygate.problems.InvalidRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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
        return new Money(
                amount,
                currency(currencyCode)
                        .orElseThrow(() -> new IllegalArgumentException("unknown currency " + currencyCode)));
    }

    /**
     * The ISO 4217 currencies in circulation. The JDK also knows funds (USN, CLF), metals (XAU),
     * test codes and withdrawn currencies (DEM, FRF), which no checkout charges in.
     */
    private static final Set<String> CIRCULATING =
            Set.of(("AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN "
                            + "BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS "
                            + "GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW "
                            + "KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD "
                            + "NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD "
                            + "SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS "
                            + "VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL")
                    .split(" "));

    /** An ISO 4217 currency in circulation, whatever the letter case. */
    public static Optional<Currency> currency(String code) {
        if (code == null || !code.matches("[A-Za-z]{3}") || !CIRCULATING.contains(code.toUpperCase(Locale.ROOT))) {
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

    /**
     * Refuses, as the request's {@code amount}, an amount of more decimal places than the currency's
     * minor unit allows.
     */
    public static void requireFitsMinorUnit(BigDecimal amount, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        if (!fitsMinorUnit(amount, currency)) {
            throw new InvalidRequest(
                    "invalid_amount_precision",
                    "amount",
                    "amount has more decimal places than " + currencyCode + " allows ("
                            + currency.getDefaultFractionDigits() + ")");
        }
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
