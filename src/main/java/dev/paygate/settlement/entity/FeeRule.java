package dev.paygate.settlement.entity;

import dev.paygate.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

/**
 * One line of a merchant's fee plan: for a payment method and a currency ({@code *} for any), a
 * percentage of what was captured plus a fixed fee in the currency's minor units. The fee of a
 * capture is the percentage rounded half up to the minor unit, plus the fixed fee; a refund costs
 * no fee and gives none back.
 */
@Entity
@Table(name = "fee_rules")
public class FeeRule {

    public static final String ANY = "*";

    /** The plan of a merchant that has none of its own. */
    public static final List<FeeRule> DEFAULTS = List.of(
            new FeeRule(null, "CARD", ANY, new BigDecimal("2.9"), 30),
            new FeeRule(null, "PAYPAL", ANY, new BigDecimal("3.49"), 49),
            new FeeRule(null, "BANK_TRANSFER", ANY, new BigDecimal("0.8"), 0),
            new FeeRule(null, ANY, ANY, new BigDecimal("2.9"), 30));

    @Id
    private String id;

    @Column(name = "merchant_id")
    private String merchantId;

    @Column(name = "payment_method")
    private String paymentMethod;

    private String currency;

    @Column(precision = 7, scale = 4)
    private BigDecimal percent;

    @Column(name = "fixed_minor")
    private long fixedMinor;

    protected FeeRule() {}

    /** Throws {@link IllegalArgumentException} naming what is wrong. */
    public FeeRule(String merchantId, String paymentMethod, String currency, BigDecimal percent, long fixedMinor) {
        if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("percent must be at least 0 and below 100");
        }
        if (percent.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("percent has at most 4 decimal places");
        }
        if (fixedMinor < 0 || fixedMinor > 1_000_000) {
            throw new IllegalArgumentException("fixed must be 0 to 1000000 minor units");
        }
        this.id = Ids.next("fee");
        this.merchantId = merchantId;
        this.paymentMethod = paymentMethod;
        this.currency = currency;
        this.percent = percent;
        this.fixedMinor = fixedMinor;
    }

    /** Whether the rule covers a payment of this method (as stored, CARD…) and currency. */
    public boolean covers(String method, String currencyCode) {
        return (paymentMethod.equals(ANY) || paymentMethod.equals(method))
                && (currency.equals(ANY) || currency.equals(currencyCode));
    }

    /** How exactly it names a payment: a rule naming both wins over one naming one, over one naming none. */
    public int specificity() {
        return (paymentMethod.equals(ANY) ? 0 : 2) + (currency.equals(ANY) ? 0 : 1);
    }

    /** The most specific of {@code rules} that covers the payment, or null. */
    public static FeeRule choose(List<FeeRule> rules, String method, String currencyCode) {
        FeeRule best = null;
        for (FeeRule rule : rules) {
            if (rule.covers(method, currencyCode) && (best == null || rule.specificity() > best.specificity())) {
                best = rule;
            }
        }
        return best;
    }

    /** The fee on a capture of {@code amount}, in the currency's minor unit. */
    public BigDecimal feeOn(BigDecimal amount, String currencyCode) {
        int digits = Currency.getInstance(currencyCode).getDefaultFractionDigits();
        BigDecimal share = amount.multiply(percent).movePointLeft(2).setScale(digits, RoundingMode.HALF_UP);
        return share.add(BigDecimal.valueOf(fixedMinor).movePointLeft(digits));
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal percent() {
        return percent;
    }

    public long fixedMinor() {
        return fixedMinor;
    }
}
