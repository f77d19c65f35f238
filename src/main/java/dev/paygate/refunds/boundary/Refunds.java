package dev.paygate.refunds.boundary;

import dev.paygate.idempotency.boundary.Idempotent;
import dev.paygate.payments.control.PaymentLedger;
import dev.paygate.payments.entity.Money;
import dev.paygate.payments.entity.Payment;
import dev.paygate.platform.PublicLocation;
import dev.paygate.problems.ConstraintViolationMapper;
import dev.paygate.problems.ResourceNotFound;
import dev.paygate.refunds.control.RefundRequests;
import dev.paygate.refunds.control.RefundTransitions;
import dev.paygate.refunds.entity.Refund;
import dev.paygate.refunds.entity.RefundStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/** The transactional facade of refunds. */
@Stateless
public class Refunds {

    @PersistenceContext
    EntityManager em;

    @Inject
    PaymentLedger ledger;

    @Inject
    RefundRequests requests;

    @Inject
    RefundTransitions transitions;

    @Inject
    Validator validator;

    @Inject
    PublicLocation location;

    /**
     * Accepts a refund and queues it for the acquirer in one transaction, and answers 202 with its
     * Location; the request's Idempotency-Key stores that answer in the same transaction. The
     * payment's row lock makes concurrent refunds of one payment take turns, so together they
     * never exceed it.
     */
    @Idempotent
    public Response request(String scope, String paymentId, RefundRequest request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            // As a rule broken by the client (an application exception), not a system exception
            // that the EJB container would log with its stack trace.
            throw ConstraintViolationMapper.invalid(violations);
        }
        Payment payment = ledger.lockForRefunds(scope, paymentId);
        if (request.amount() != null) {
            Money.requireFitsMinorUnit(request.amount(), payment.currency());
        }
        BigDecimal accepted = em.createQuery(
                        "SELECT COALESCE(SUM(r.amount), 0) FROM Refund r "
                                + "WHERE r.paymentId = :payment AND r.status IN :statuses",
                        BigDecimal.class)
                .setParameter("payment", paymentId)
                .setParameter("statuses", EnumSet.of(RefundStatus.PENDING, RefundStatus.SUCCEEDED))
                .getSingleResult();
        Refund refund = Refund.request(payment, request.amount(), accepted, request.reason(), Instant.now());
        transitions.accept(refund, payment.merchantId());
        requests.send(refund.id());
        return Response.accepted(RefundResponse.from(refund))
                .header(PublicLocation.HEADER, location.of("/api/v1/refunds/" + refund.id()))
                .build();
    }

    /** The refund, if it refunds a payment the merchant {@code scope} may see (null: any). */
    public RefundResponse find(String scope, String id) {
        Refund refund = em.find(Refund.class, id);
        if (refund == null || !ledger.visibleTo(scope, refund.paymentId())) {
            throw new ResourceNotFound("refund", id);
        }
        return RefundResponse.from(refund);
    }

    /** The payment's refunds, oldest first, if the merchant {@code scope} may see the payment. */
    public List<RefundResponse> forPayment(String scope, String paymentId) {
        if (!ledger.visibleTo(scope, paymentId)) {
            throw new ResourceNotFound("payment", paymentId);
        }
        return em.createQuery(
                        "SELECT r FROM Refund r WHERE r.paymentId = :payment ORDER BY r.createdAt, r.id", Refund.class)
                .setParameter("payment", paymentId)
                .getResultStream()
                .map(RefundResponse::from)
                .toList();
    }
}
