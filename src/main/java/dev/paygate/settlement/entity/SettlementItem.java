package dev.paygate.settlement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of a settlement: a capture (positive, less its fee) or a succeeded refund (negative, no
 * fee). Its id is what it settles, the capture's transaction or the refund, so nothing is settled
 * twice. It keeps the rule its fee came from, so each line explains itself.
 */
@Entity
@Table(name = "settlement_items")
public class SettlementItem {

    @Id
    @Column(name = "source_id")
    private String sourceId;

    @Column(name = "settlement_id")
    private String settlementId;

    @Enumerated(EnumType.STRING)
    private ItemType type;

    @Column(name = "payment_id")
    private String paymentId;

    @Column(name = "refund_id")
    private String refundId;

    @Column(name = "payment_method")
    private String paymentMethod;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(precision = 19, scale = 4)
    private BigDecimal fee;

    @Column(precision = 19, scale = 4)
    private BigDecimal net;

    @Column(name = "fee_percent", precision = 7, scale = 4)
    private BigDecimal feePercent;

    @Column(name = "fee_fixed_minor")
    private long feeFixedMinor;

    protected SettlementItem() {}

    /** A capture of {@code amount}, less the fee {@code rule} gives. */
    public static SettlementItem capture(
            String settlementId,
            String transactionId,
            String paymentId,
            String method,
            Instant at,
            BigDecimal amount,
            String currency,
            FeeRule rule) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a capture is positive: " + amount);
        }
        SettlementItem i = base(settlementId, transactionId, ItemType.CAPTURE, paymentId, method, at);
        i.amount = amount;
        i.fee = rule.feeOn(amount, currency);
        i.net = amount.subtract(i.fee);
        i.feePercent = rule.percent();
        i.feeFixedMinor = rule.fixedMinor();
        return i;
    }

    /** A refund of {@code amount} (positive), settled as a negative line without a fee. */
    public static SettlementItem refund(
            String settlementId, String refundId, String paymentId, String method, Instant at, BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a refund's amount is positive: " + amount);
        }
        SettlementItem i = base(settlementId, refundId, ItemType.REFUND, paymentId, method, at);
        i.refundId = refundId;
        i.amount = amount.negate();
        i.fee = BigDecimal.ZERO;
        i.net = i.amount;
        i.feePercent = BigDecimal.ZERO;
        i.feeFixedMinor = 0;
        return i;
    }

    private static SettlementItem base(
            String settlementId, String sourceId, ItemType type, String paymentId, String method, Instant at) {
        SettlementItem i = new SettlementItem();
        i.settlementId = settlementId;
        i.sourceId = sourceId;
        i.type = type;
        i.paymentId = paymentId;
        i.paymentMethod = method;
        i.occurredAt = at;
        return i;
    }

    public String sourceId() {
        return sourceId;
    }

    public String settlementId() {
        return settlementId;
    }

    public ItemType type() {
        return type;
    }

    public String paymentId() {
        return paymentId;
    }

    public String refundId() {
        return refundId;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal fee() {
        return fee;
    }

    public BigDecimal net() {
        return net;
    }

    public BigDecimal feePercent() {
        return feePercent;
    }

    public long feeFixedMinor() {
        return feeFixedMinor;
    }
}
