package dev.paygate.refunds.entity;

import dev.paygate.payments.entity.Money;
import dev.paygate.payments.entity.Payment;
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
import java.time.temporal.ChronoUnit;

/** Money going back to the customer: accepted at once, settled by the acquirer later. */
@Entity
@Table(name = "refunds")
public class Refund {

    @Id
    private String id;

    @Column(name = "payment_id")
    private String paymentId;

    @Column(precision = 19, scale = 4)
    private BigDecimal amount;

    private String currency;

    @Enumerated(EnumType.STRING)
    private RefundStatus status;

    private String reason;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** How many changes a merchant could see the refund has had: 1 once accepted, one more per status. */
    private int revision;

    @Version
    private long version;

    protected Refund() {}

    /**
     * Accepts a refund of a completed payment. {@code alreadyAccepted} is the sum of the payment's
     * refunds that are pending or succeeded; the caller holds the payment's row lock while it counts.
     * A null amount means everything that is left.
     */
    public static Refund request(
            Payment payment, BigDecimal requested, BigDecimal alreadyAccepted, String reason, Instant now) {
        payment.requireRefundable();
        BigDecimal refundable = payment.amountCaptured().subtract(alreadyAccepted);
        BigDecimal amount = requested == null ? refundable : requested;
        if (amount.signum() <= 0 || amount.compareTo(refundable) > 0) {
            throw new RefundExceedsPayment(amount, Money.scaled(refundable, payment.currency()), payment.currency());
        }
        Refund r = new Refund();
        r.id = Ids.next("re");
        r.paymentId = payment.id();
        r.amount = Money.scaled(amount, payment.currency());
        r.currency = payment.currency();
        r.reason = reason;
        r.status = RefundStatus.PENDING;
        r.revision = 1;
        r.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        r.updatedAt = r.createdAt;
        return r;
    }

    /** Whether the acquirer has yet to answer; a settled refund is never settled again. */
    public boolean isPending() {
        return status == RefundStatus.PENDING;
    }

    public void succeed(Instant now) {
        moveTo(RefundStatus.SUCCEEDED, now);
    }

    /** The acquirer refused it; its amount is refundable again, as only pending and succeeded refunds count. */
    public void fail(String reason, Instant now) {
        moveTo(RefundStatus.FAILED, now);
        failureReason = reason;
    }

    private void moveTo(RefundStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalStateException("refund " + id + " is already " + status);
        }
        status = target;
        revision++;
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public String id() {
        return id;
    }

    public String paymentId() {
        return paymentId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public RefundStatus status() {
        return status;
    }

    public String failureReason() {
        return failureReason;
    }

    public String reason() {
        return reason;
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
