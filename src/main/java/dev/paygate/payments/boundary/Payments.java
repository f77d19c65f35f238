package dev.paygate.payments.boundary;

import dev.paygate.idempotency.boundary.Idempotent;
import dev.paygate.merchants.control.MerchantRegistry;
import dev.paygate.payments.control.PaymentAccepted;
import dev.paygate.payments.control.PaymentTransitions;
import dev.paygate.payments.entity.CaptureMethod;
import dev.paygate.payments.entity.Card;
import dev.paygate.payments.entity.Money;
import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentMethod;
import dev.paygate.payments.entity.PaymentStatus;
import dev.paygate.payments.entity.PaymentTransaction;
import dev.paygate.payments.entity.Scenario;
import dev.paygate.platform.PublicLocation;
import dev.paygate.problems.ConstraintViolationMapper;
import dev.paygate.problems.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** The transactional facade of payments: one method, one transaction, which its resource does not widen. */
@Stateless
public class Payments {

    @PersistenceContext
    EntityManager em;

    @Inject
    MerchantRegistry merchants;

    @Inject
    Validator validator;

    @Inject
    PublicLocation location;

    @Inject
    PaymentTransitions transitions;

    @Inject
    Event<PaymentAccepted> accepted;

    /**
     * Accepts a validated request for the merchant and answers 201 with its Location; processing
     * starts once this transaction has committed. The answer is the HTTP one, so that the request's
     * Idempotency-Key stores it in this transaction, with the payment.
     */
    @Idempotent
    public Response create(String merchantId, CreatePaymentRequest r) {
        Instant now = Instant.now();
        PaymentMethod method = PaymentMethod.fromWire(r.paymentMethod()).orElseThrow();
        Card card = null;
        Scenario scenario = Scenario.APPROVE;
        if (method.isCard()) {
            card = Card.from(r.cardNumber(), r.cardExpiryMonth(), r.cardExpiryYear());
            scenario = Scenario.forCard(
                    r.cardNumber(), r.cardExpiryMonth(), r.cardExpiryYear(), YearMonth.now(Clock.systemUTC()));
        } else if (method == PaymentMethod.BANK_TRANSFER) {
            scenario = Scenario.forBankTransfer(r.iban());
        } else if (method == PaymentMethod.PAYPAL) {
            scenario = Scenario.forPaypal(r.customerEmail(), r.returnUrl() != null);
        }
        merchants.ensureRegistered(merchantId);
        Payment payment = Payment.create(
                merchantId,
                r.orderId(),
                Money.of(r.amount(), r.currency()),
                method,
                r.captureMethod() == null
                        ? CaptureMethod.AUTOMATIC
                        : CaptureMethod.fromWire(r.captureMethod()).orElseThrow(),
                card,
                r.iban(),
                scenario,
                r.description(),
                r.customerEmail(),
                r.customerName(),
                r.returnUrl(),
                now);
        transitions.accept(payment);
        accepted.fire(new PaymentAccepted(payment.id()));
        return Response.status(Response.Status.CREATED)
                .header(PublicLocation.HEADER, location.of("/api/v1/payments/" + payment.id()))
                .entity(PaymentResponse.from(payment))
                .build();
    }

    /**
     * The payment, if the merchant {@code scope} may see it; a null scope sees every merchant's.
     * Another merchant's payment is answered exactly as one that does not exist.
     */
    public Payment find(String scope, String id) {
        return visible(scope, id, em.find(Payment.class, id));
    }

    /**
     * Cancels a pending payment or voids an authorised one; the answer is stored under the
     * request's Idempotency-Key in this transaction.
     */
    @Idempotent
    public PaymentResponse cancel(String scope, String id, CancelRequest request) {
        valid(request);
        Payment payment = locked(scope, id);
        transitions.cancel(payment, request.cancellationReason(), Instant.now());
        return PaymentResponse.from(payment);
    }

    /**
     * Captures an authorised payment, all of it or part; the payment's row lock makes concurrent
     * captures take turns, so only the first finds it authorised.
     */
    @Idempotent
    public PaymentResponse capture(String scope, String id, CaptureRequest request) {
        valid(request);
        Payment payment = locked(scope, id);
        transitions.capture(payment, request.amount(), Instant.now());
        return PaymentResponse.from(payment);
    }

    /**
     * The customer's answer, given through the test API by the merchant {@code scope}: what the
     * hosted page's buttons do.
     */
    @Idempotent
    public PaymentResponse authenticate(String scope, String id, boolean succeeded) {
        Payment payment = locked(scope, id);
        transitions.authenticate(payment, succeeded, Instant.now());
        return PaymentResponse.from(payment);
    }

    /**
     * The payment behind a hosted page's address, and its merchant's name; a wrong token is
     * answered exactly as a payment that does not exist.
     */
    public HostedPayment hosted(String id, String token) {
        Payment payment = em.find(Payment.class, id);
        if (payment == null || !payment.actionTokenIs(token)) {
            throw new ResourceNotFound("payment", id);
        }
        return new HostedPayment(payment, merchants.displayName(payment.merchantId()));
    }

    /** The customer's answer on the hosted page; the payment's row lock orders it with a timeout or a cancel. */
    public HostedPayment answerHosted(String id, String token, boolean succeeded) {
        Payment payment = em.find(Payment.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null || !payment.actionTokenIs(token)) {
            throw new ResourceNotFound("payment", id);
        }
        transitions.authenticate(payment, succeeded, Instant.now());
        return new HostedPayment(payment, merchants.displayName(payment.merchantId()));
    }

    private Payment locked(String scope, String id) {
        return visible(scope, id, em.find(Payment.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** A rule broken by the client is an application exception, not one the container logs with its stack. */
    private void valid(Object request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ConstraintViolationMapper.invalid(violations);
        }
    }

    private static Payment visible(String scope, String id, Payment payment) {
        if (payment == null || !payment.visibleTo(scope)) {
            throw new ResourceNotFound("payment", id);
        }
        return payment;
    }

    public List<PaymentTransaction> transactions(String scope, String paymentId) {
        find(scope, paymentId);
        return em.createQuery(
                        "SELECT t FROM PaymentTransaction t WHERE t.paymentId = :id " + "ORDER BY t.createdAt, t.id",
                        PaymentTransaction.class)
                .setParameter("id", paymentId)
                .getResultList();
    }

    /**
     * A page of the merchant's payments, newest first. The cursor is the (created_at, id) of the
     * last payment seen, so a page costs one index range scan however large the table is.
     */
    public List<Payment> list(String merchantId, PaymentStatus status, Payment after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT p FROM Payment p WHERE p.merchantId = :merchant");
        if (status != null) {
            jpql.append(" AND p.status = :status");
        }
        if (after != null) {
            jpql.append(" AND (p.createdAt < :createdAt OR (p.createdAt = :createdAt AND p.id < :id))");
        }
        jpql.append(" ORDER BY p.createdAt DESC, p.id DESC");
        TypedQuery<Payment> query = em.createQuery(jpql.toString(), Payment.class)
                .setParameter("merchant", merchantId)
                .setMaxResults(limit);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (after != null) {
            query.setParameter("createdAt", after.createdAt()).setParameter("id", after.id());
        }
        return query.getResultList();
    }
}
