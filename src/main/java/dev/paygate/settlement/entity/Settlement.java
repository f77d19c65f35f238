package dev.paygate.settlement.entity;

import dev.paygate.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What one merchant is owed in one currency for one settlement day: every capture and succeeded
 * refund not settled before, up to {@code settled_until}. It is written OPEN by the run that
 * settles its items and completed, with totals taken from those items, at the end of that run;
 * a completed settlement never changes, and what comes later goes into a later one.
 */
@Entity
@Table(name = "settlements")
public class Settlement {

    @Id
    private String id;

    @Column(name = "merchant_id")
    private String merchantId;

    private String currency;

    @Column(name = "settlement_date")
    private LocalDate date;

    @Enumerated(EnumType.STRING)
    private SettlementStatus status;

    @Column(name = "settled_until")
    private Instant settledUntil;

    @Column(precision = 19, scale = 4)
    private BigDecimal gross;

    @Column(precision = 19, scale = 4)
    private BigDecimal refunds;

    @Column(precision = 19, scale = 4)
    private BigDecimal fees;

    @Column(precision = 19, scale = 4)
    private BigDecimal net;

    @Column(name = "item_count")
    private int itemCount;

    @Column(name = "run_id")
    private String runId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected Settlement() {}

    public static Settlement open(
            String merchantId, String currency, LocalDate date, Instant settledUntil, String runId, Instant now) {
        Settlement s = new Settlement();
        s.id = Ids.next("stl");
        s.merchantId = merchantId;
        s.currency = currency;
        s.date = date;
        s.settledUntil = settledUntil;
        s.runId = runId;
        s.status = SettlementStatus.OPEN;
        s.gross = BigDecimal.ZERO;
        s.refunds = BigDecimal.ZERO;
        s.fees = BigDecimal.ZERO;
        s.net = BigDecimal.ZERO;
        s.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        s.updatedAt = s.createdAt;
        return s;
    }

    /**
     * Closes the settlement with the totals of its items; {@code net} must be what is left of
     * {@code gross} after refunds and fees, as each item's net is.
     */
    public void complete(
            BigDecimal gross, BigDecimal refunds, BigDecimal fees, BigDecimal net, int count, Instant now) {
        if (status != SettlementStatus.OPEN) {
            throw new IllegalStateException("settlement " + id + " is already complete");
        }
        if (gross.subtract(refunds).subtract(fees).compareTo(net) != 0) {
            throw new IllegalStateException("settlement " + id + ": net " + net + " is not gross " + gross
                    + " less refunds " + refunds + " and fees " + fees);
        }
        this.gross = gross;
        this.refunds = refunds;
        this.fees = fees;
        this.net = net;
        this.itemCount = count;
        this.status = SettlementStatus.COMPLETE;
        this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public boolean isOpen() {
        return status == SettlementStatus.OPEN;
    }

    public String id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public String currency() {
        return currency;
    }

    public LocalDate date() {
        return date;
    }

    public SettlementStatus status() {
        return status;
    }

    public Instant settledUntil() {
        return settledUntil;
    }

    public BigDecimal gross() {
        return gross;
    }

    public BigDecimal refunds() {
        return refunds;
    }

    public BigDecimal fees() {
        return fees;
    }

    public BigDecimal net() {
        return net;
    }

    public int itemCount() {
        return itemCount;
    }

    public String runId() {
        return runId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
