package dev.paygate.payments.entity;

import dev.paygate.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One step in a payment's history, as the acquirer saw it. Never changes once written. */
@Entity
@Table(name = "payment_transactions")
public class PaymentTransaction {

    @Id
    private String id;

    @Column(name = "payment_id")
    private String paymentId;

    @Enumerated(EnumType.STRING)
    private TransactionType type;

    @Column(precision = 19, scale = 4)
    private BigDecimal amount;

    private String currency;

    @Enumerated(EnumType.STRING)
    private TransactionStatus status;

    @Column(name = "gateway_transaction_id")
    private String gatewayTransactionId;

    @Column(name = "response_code")
    private String responseCode;

    @Column(name = "response_message")
    private String responseMessage;

    @Column(name = "created_at")
    private Instant createdAt;

    protected PaymentTransaction() {}

    static PaymentTransaction of(
            Payment payment,
            TransactionType type,
            BigDecimal amount,
            TransactionStatus status,
            String responseCode,
            String responseMessage,
            Instant at) {
        PaymentTransaction t = new PaymentTransaction();
        t.id = Ids.next("txn");
        t.paymentId = payment.id();
        t.type = type;
        t.amount = amount;
        t.currency = payment.currency();
        t.status = status;
        t.gatewayTransactionId = Ids.next("gw");
        t.responseCode = responseCode;
        t.responseMessage = responseMessage;
        t.createdAt = at;
        return t;
    }

    public String id() {
        return id;
    }

    public String paymentId() {
        return paymentId;
    }

    public TransactionType type() {
        return type;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public TransactionStatus status() {
        return status;
    }

    public String gatewayTransactionId() {
        return gatewayTransactionId;
    }

    public String responseCode() {
        return responseCode;
    }

    public String responseMessage() {
        return responseMessage;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
