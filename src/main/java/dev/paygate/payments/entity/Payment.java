package dev.paygate.payments.entity;

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

/** A payment and the rules of its life: processing, cancelling and refunding. */
@Entity
@Table(name = "payments")
public class Payment {

    @Id
    private String id;

    @Column(name = "merchant_id")
    private String merchantId;

    @Column(name = "order_id")
    private String orderId;

    @Column(precision = 19, scale = 4)
    private BigDecimal amount;

    private String currency;

    @Enumerated(EnumType.STRING)
    private PaymentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method")
    private PaymentMethod paymentMethod;

    @Enumerated(EnumType.STRING)
    private Scenario scenario;

    private String description;

    @Column(name = "customer_email")
    private String customerEmail;

    @Column(name = "customer_name")
    private String customerName;

    @Enumerated(EnumType.STRING)
    @Column(name = "card_brand")
    private CardBrand cardBrand;

    @Column(name = "card_last4")
    private String cardLast4;

    @Column(name = "card_expiry_month")
    private Integer cardExpiryMonth;

    @Column(name = "card_expiry_year")
    private Integer cardExpiryYear;

    @Column(name = "iban_last4")
    private String ibanLast4;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "decline_code")
    private String declineCode;

    @Column(name = "failure_message")
    private String failureMessage;

    @Column(name = "refunded_amount", precision = 19, scale = 4)
    private BigDecimal refundedAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "capture_method")
    private CaptureMethod captureMethod;

    /** What was taken: the whole amount once an automatic payment completes, the capture's once captured. */
    @Column(name = "amount_captured", precision = 19, scale = 4)
    private BigDecimal amountCaptured;

    /** Until when an authorisation may be captured; it is voided as expired after. */
    @Column(name = "capture_before")
    private Instant captureBefore;

    @Column(name = "cancellation_reason")
    private String cancellationReason;

    /** Where the hosted page sends the customer back to, given at creation. */
    @Column(name = "return_url")
    private String returnUrl;

    /**
     * The secret in the hosted page's address, for a payment that will wait for its customer; the
     * customer has no API key, so holding the address is what lets them answer.
     */
    @Column(name = "action_token")
    private String actionToken;

    /** While requires_action: when the customer's time is up and the payment fails. */
    @Column(name = "action_expires_at")
    private Instant actionExpiresAt;

    /** How the customer's part ended: authenticated, failed or timed_out; null before or without one. */
    @Column(name = "authentication_result")
    private String authenticationResult;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** How many changes a merchant could see the payment has had: 1 once accepted, one more per status. */
    private int revision;

    @Version
    private long version;

    protected Payment() {}

    public static Payment create(
            String merchantId,
            String orderId,
            Money money,
            PaymentMethod method,
            CaptureMethod captureMethod,
            Card card,
            String iban,
            Scenario scenario,
            String description,
            String customerEmail,
            String customerName,
            String returnUrl,
            Instant now) {
        Payment p = new Payment();
        p.captureMethod = captureMethod;
        p.id = Ids.next("pay");
        p.merchantId = merchantId;
        p.orderId = orderId;
        p.amount = money.amount();
        p.currency = money.currencyCode();
        p.paymentMethod = method;
        p.scenario = scenario;
        p.description = description;
        p.customerEmail = customerEmail;
        p.customerName = customerName;
        if (iban != null) {
            p.ibanLast4 = Iban.last4(iban);
        }
        if (card != null) {
            p.cardBrand = card.brand();
            p.cardLast4 = card.last4();
            p.cardExpiryMonth = card.expiryMonth();
            p.cardExpiryYear = card.expiryYear();
        }
        p.returnUrl = returnUrl;
        if (scenario.authentication() == Authentication.CHALLENGE
                || method == PaymentMethod.PAYPAL && returnUrl != null) {
            p.actionToken = Ids.random(32);
        }
        p.refundedAmount = BigDecimal.ZERO;
        p.status = PaymentStatus.PENDING;
        p.revision = 1;
        p.createdAt = truncate(now);
        p.updatedAt = p.createdAt;
        return p;
    }

    /** The charge as first recorded, when the payment is accepted. */
    public PaymentTransaction acceptedCharge() {
        return PaymentTransaction.of(
                this, TransactionType.CHARGE, amount, TransactionStatus.PENDING, null, "Payment accepted", createdAt);
    }

    public PaymentTransaction startProcessing(Instant now) {
        moveTo(PaymentStatus.PROCESSING, "processed", now);
        return PaymentTransaction.of(
                this,
                TransactionType.CHARGE,
                amount,
                TransactionStatus.PROCESSING,
                null,
                "Sent to acquirer",
                updatedAt);
    }

    /**
     * The acquirer's answer, as the payment's scenario decided it: a payment whose customer must
     * first authenticate or approve waits for them until {@code actionTimeout} from now; else an
     * approved payment is taken at once, or, captured manually, held until
     * {@code authorizationValidity} from now.
     */
    public PaymentTransaction settle(Instant now, Duration authorizationValidity, Duration actionTimeout) {
        if (actionToken != null && authenticationResult == null) {
            moveTo(PaymentStatus.REQUIRES_ACTION, "sent to its customer", now);
            actionExpiresAt = updatedAt.plus(actionTimeout);
            return PaymentTransaction.of(
                    this,
                    TransactionType.AUTHENTICATION,
                    amount,
                    TransactionStatus.PENDING,
                    null,
                    paymentMethod == PaymentMethod.PAYPAL
                            ? "Waiting for the customer's approval at PayPal"
                            : "Waiting for the customer's 3-D Secure authentication",
                    updatedAt);
        }
        if (scenario.authentication() == Authentication.FRICTIONLESS) {
            authenticationResult = scenario == Scenario.FRICTIONLESS_REJECTED ? FAILED : AUTHENTICATED;
        }
        if (scenario.approved() && captureMethod == CaptureMethod.MANUAL) {
            moveTo(PaymentStatus.AUTHORIZED, "authorized", now);
            captureBefore = updatedAt.plus(authorizationValidity);
            return PaymentTransaction.of(
                    this,
                    TransactionType.AUTHORIZATION,
                    amount,
                    TransactionStatus.SUCCEEDED,
                    scenario.responseCode(),
                    "Authorised",
                    updatedAt);
        }
        if (scenario.approved()) {
            moveTo(PaymentStatus.COMPLETED, "completed", now);
            amountCaptured = amount;
        } else {
            moveTo(PaymentStatus.FAILED, "failed", now);
            failureCode = scenario.failureCode();
            declineCode = scenario.declineCode();
            failureMessage = scenario.failureMessage();
        }
        return PaymentTransaction.of(
                this,
                TransactionType.CHARGE,
                amount,
                scenario.approved() ? TransactionStatus.SUCCEEDED : TransactionStatus.FAILED,
                scenario.responseCode(),
                scenario.responseMessage(),
                updatedAt);
    }

    /**
     * The customer's answer on the hosted page (or the test API's): authenticated, the payment
     * stays where it is for the acquirer's answer ({@link #settle}); refused, it fails.
     */
    public PaymentTransaction authenticate(boolean succeeded, Instant now) {
        if (status != PaymentStatus.REQUIRES_ACTION) {
            throw new InvalidPaymentTransition(id, status, "authenticated");
        }
        boolean paypal = paymentMethod == PaymentMethod.PAYPAL;
        actionExpiresAt = null;
        if (succeeded) {
            authenticationResult = AUTHENTICATED;
            touch(now);
            return PaymentTransaction.of(
                    this,
                    TransactionType.AUTHENTICATION,
                    amount,
                    TransactionStatus.SUCCEEDED,
                    "Y",
                    paypal ? "Approved by the customer" : "Cardholder authenticated",
                    updatedAt);
        }
        authenticationResult = FAILED;
        fail(
                paypal ? APPROVAL_CANCELLED : AUTHENTICATION_FAILED,
                paypal
                        ? "The customer cancelled the approval at PayPal."
                        : "We are unable to authenticate your payment method.",
                now);
        return PaymentTransaction.of(
                this,
                TransactionType.AUTHENTICATION,
                amount,
                TransactionStatus.FAILED,
                "N",
                paypal ? "Approval cancelled by the customer" : "Cardholder authentication failed",
                updatedAt);
    }

    /** The customer did not answer in time; only the gateway's periodic work calls this. */
    public PaymentTransaction expireAction(Instant now) {
        if (status != PaymentStatus.REQUIRES_ACTION || now.isBefore(actionExpiresAt)) {
            throw new InvalidPaymentTransition(id, status, "timed out");
        }
        authenticationResult = TIMED_OUT;
        actionExpiresAt = null;
        fail(AUTHENTICATION_TIMEOUT, "The customer did not authenticate or approve the payment in time.", now);
        return PaymentTransaction.of(
                this,
                TransactionType.AUTHENTICATION,
                amount,
                TransactionStatus.FAILED,
                "U",
                "No answer from the customer in time",
                updatedAt);
    }

    private void fail(String code, String message, Instant now) {
        moveTo(PaymentStatus.FAILED, "failed", now);
        failureCode = code;
        failureMessage = message;
    }

    /** The failure codes and results of the customer's part. */
    public static final String AUTHENTICATION_FAILED = "authentication_failed";

    public static final String APPROVAL_CANCELLED = "approval_cancelled";
    public static final String AUTHENTICATION_TIMEOUT = "authentication_timeout";
    public static final String AUTHENTICATED = "authenticated";
    public static final String FAILED = "failed";
    public static final String TIMED_OUT = "timed_out";

    /**
     * Whether {@code token} is this payment's hosted-page secret, compared in constant time so that
     * the time of an answer tells nothing about it.
     */
    public boolean actionTokenIs(String token) {
        return actionToken != null
                && token != null
                && java.security.MessageDigest.isEqual(
                        actionToken.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Takes {@code requested} of an authorised payment (all of it when null); the rest of the
     * authorisation is released.
     */
    public PaymentTransaction capture(BigDecimal requested, Instant now) {
        if (status != PaymentStatus.AUTHORIZED) {
            throw new InvalidPaymentTransition(id, status, "captured");
        }
        BigDecimal taken = requested == null ? amount : requested;
        if (taken.signum() <= 0 || taken.compareTo(amount) > 0) {
            throw new CaptureExceedsAuthorization(taken, Money.scaled(amount, currency), currency);
        }
        Money.requireFitsMinorUnit(taken, currency);
        moveTo(PaymentStatus.COMPLETED, "captured", now);
        amountCaptured = taken;
        captureBefore = null;
        return PaymentTransaction.of(
                this, TransactionType.CAPTURE, taken, TransactionStatus.SUCCEEDED, "00", "Captured", updatedAt);
    }

    /**
     * Cancels a payment still pending, or voids an authorised one, for {@code reason} (may be
     * null).
     */
    public PaymentTransaction cancel(String reason, Instant now) {
        String message = switch (status) {
            case AUTHORIZED -> "Authorisation voided";
            case REQUIRES_ACTION -> "Cancelled while waiting for the customer";
            default -> "Cancelled before processing";
        };
        actionExpiresAt = null;
        return stop(reason, message, now);
    }

    /** Voids an authorisation not captured in time; only the gateway's periodic work calls this. */
    public PaymentTransaction expire(Instant now) {
        if (status != PaymentStatus.AUTHORIZED || now.isBefore(captureBefore)) {
            throw new InvalidPaymentTransition(id, status, "expired");
        }
        return stop(EXPIRED, "Authorisation expired", now);
    }

    private PaymentTransaction stop(String reason, String message, Instant now) {
        moveTo(PaymentStatus.CANCELLED, "cancelled", now);
        cancellationReason = reason;
        captureBefore = null;
        return PaymentTransaction.of(
                this, TransactionType.VOID, amount, TransactionStatus.SUCCEEDED, "00", message, updatedAt);
    }

    /**
     * What a merchant sees of a payment that a step can change. Taken before a step and compared
     * with the payment after it, it tells an event's {@code previous_attributes}.
     */
    public record Seen(
            PaymentStatus status,
            BigDecimal amountCapturable,
            BigDecimal amountCaptured,
            BigDecimal refundedAmount,
            String failureCode,
            String declineCode,
            String failureMessage,
            Instant captureBefore,
            String cancellationReason,
            String authenticationResult) {}

    public Seen seen() {
        return new Seen(
                status,
                amountCapturable(),
                amountCaptured(),
                refundedAmount,
                failureCode,
                declineCode,
                failureMessage,
                captureBefore,
                cancellationReason,
                authenticationResult);
    }

    /** The cancellation reason of an authorisation left uncaptured past its {@link #captureBefore}. */
    public static final String EXPIRED = "expired";

    /** Whether the merchant {@code scope} may see this payment; a null scope sees every merchant's. */
    public boolean visibleTo(String scope) {
        return scope == null || scope.equals(merchantId);
    }

    /** Only a completed payment takes refunds. */
    public void requireRefundable() {
        if (status != PaymentStatus.COMPLETED) {
            throw new InvalidPaymentTransition(id, status, "refunded");
        }
    }

    /** Adds a refund that the acquirer has accepted; all that was captured back makes it refunded. */
    public PaymentTransaction applyRefund(BigDecimal refund, Instant now) {
        requireRefundable();
        BigDecimal total = refundedAmount.add(refund);
        if (total.compareTo(amountCaptured()) > 0) {
            throw new IllegalStateException(
                    "refunds of " + total + " exceed payment " + id + "'s capture of " + amountCaptured());
        }
        refundedAmount = total;
        touch(now);
        if (total.compareTo(amountCaptured()) == 0) {
            moveTo(PaymentStatus.REFUNDED, "refunded", now);
        }
        return PaymentTransaction.of(
                this, TransactionType.REFUND, refund, TransactionStatus.SUCCEEDED, "00", "Refund accepted", updatedAt);
    }

    /** The acquirer refused a refund of {@code refund}: recorded, and the amount stays refundable. */
    public PaymentTransaction refundRefused(BigDecimal refund, String reason, Instant now) {
        touch(now);
        return PaymentTransaction.of(
                this,
                TransactionType.REFUND,
                refund,
                TransactionStatus.FAILED,
                "05",
                "Refund refused: " + reason,
                updatedAt);
    }

    private void moveTo(PaymentStatus target, String action, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new InvalidPaymentTransition(id, status, action);
        }
        status = target;
        revision++;
        touch(now);
    }

    /** Each step is later than the one before, so the history reads in order even within a microsecond. */
    private void touch(Instant now) {
        Instant at = truncate(now);
        updatedAt = at.isAfter(updatedAt) ? at : updatedAt.plus(1, ChronoUnit.MICROS);
    }

    /** The database keeps microseconds; so does the entity, so keyset cursors compare equal. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public String id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public String orderId() {
        return orderId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public PaymentStatus status() {
        return status;
    }

    public PaymentMethod paymentMethod() {
        return paymentMethod;
    }

    public Scenario scenario() {
        return scenario;
    }

    public String description() {
        return description;
    }

    public String customerEmail() {
        return customerEmail;
    }

    public String customerName() {
        return customerName;
    }

    public CardBrand cardBrand() {
        return cardBrand;
    }

    public String cardLast4() {
        return cardLast4;
    }

    public Integer cardExpiryMonth() {
        return cardExpiryMonth;
    }

    public Integer cardExpiryYear() {
        return cardExpiryYear;
    }

    public String ibanLast4() {
        return ibanLast4;
    }

    public String failureCode() {
        return failureCode;
    }

    public String declineCode() {
        return declineCode;
    }

    public String failureMessage() {
        return failureMessage;
    }

    public BigDecimal refundedAmount() {
        return refundedAmount;
    }

    public CaptureMethod captureMethod() {
        return captureMethod;
    }

    /** What was taken, and so what refunds are bounded by; zero until then. */
    public BigDecimal amountCaptured() {
        return amountCaptured == null ? BigDecimal.ZERO : amountCaptured;
    }

    /** What a capture may still take: the amount while authorised, else zero. */
    public BigDecimal amountCapturable() {
        return status == PaymentStatus.AUTHORIZED ? amount : BigDecimal.ZERO;
    }

    public Instant captureBefore() {
        return captureBefore;
    }

    public String cancellationReason() {
        return cancellationReason;
    }

    public String returnUrl() {
        return returnUrl;
    }

    /** The hosted page's secret; null for a payment that never waits for its customer. */
    public String actionToken() {
        return actionToken;
    }

    public Instant actionExpiresAt() {
        return actionExpiresAt;
    }

    public String authenticationResult() {
        return authenticationResult;
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
