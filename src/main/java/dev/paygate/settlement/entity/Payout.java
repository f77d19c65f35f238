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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The net of a completed settlement on its way to the merchant's bank: pending, then paid on arrival. */
@Entity
@Table(name = "payouts")
public class Payout {

    @Id
    private String id;

    @Column(name = "merchant_id")
    private String merchantId;

    @Column(name = "settlement_id")
    private String settlementId;

    @Column(precision = 19, scale = 4)
    private BigDecimal amount;

    private String currency;

    @Enumerated(EnumType.STRING)
    private PayoutStatus status;

    @Column(name = "arrival_at")
    private Instant arrivalAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** How many changes a merchant could see: 1 once created, 2 once paid. */
    private int revision;

    @Version
    private long version;

    protected Payout() {}

    /** The payout of a completed settlement whose net is positive, arriving {@code delay} from now. */
    public static Payout of(Settlement settlement, Duration delay, Instant now) {
        if (settlement.isOpen() || settlement.net().signum() <= 0) {
            throw new IllegalStateException("settlement " + settlement.id() + " has nothing to pay out");
        }
        Payout p = new Payout();
        p.id = Ids.next("po");
        p.merchantId = settlement.merchantId();
        p.settlementId = settlement.id();
        p.amount = settlement.net();
        p.currency = settlement.currency();
        p.status = PayoutStatus.PENDING;
        p.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        p.updatedAt = p.createdAt;
        p.arrivalAt = p.createdAt.plus(delay);
        p.revision = 1;
        return p;
    }

    /** Paid once its arrival time has come; only the gateway's periodic work calls this. */
    public void pay(Instant now) {
        if (status != PayoutStatus.PENDING || now.isBefore(arrivalAt)) {
            throw new IllegalStateException("payout " + id + " is " + status + " and arrives at " + arrivalAt);
        }
        status = PayoutStatus.PAID;
        paidAt = now.truncatedTo(ChronoUnit.MICROS);
        updatedAt = paidAt;
        revision++;
    }

    public String id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public String settlementId() {
        return settlementId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public PayoutStatus status() {
        return status;
    }

    public Instant arrivalAt() {
        return arrivalAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int revision() {
        return revision;
    }
}
