package dev.paygate.refunds.boundary;

import dev.paygate.payments.boundary.Payments;
import dev.paygate.payments.entity.Money;
import dev.paygate.payments.entity.Payment;
import dev.paygate.problems.ConstraintViolationMapper;
import dev.paygate.problems.ResourceNotFound;
import dev.paygate.refunds.control.RefundRequests;
import dev.paygate.refunds.entity.Refund;
import dev.paygate.refunds.entity.RefundStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;

/** The transactional facade of refunds. */
@Stateless
public class Refunds {

    @PersistenceContext
    EntityManager em;

    @Inject
    RefundRequests requests;

    @Inject
    Validator validator;

    /**
     * Accepts a refund and queues it for the acquirer in one transaction. The payment's row lock
     * makes concurrent refunds of one payment take turns, so together they never exceed it.
     */
    public RefundResponse request(String scope, String paymentId, RefundRequest request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            // As a rule broken by the client (an application exception), not a system exception
            // that the EJB container would log with its stack trace.
            throw ConstraintViolationMapper.invalid(violations);
        }
        Payment payment = Payments.visible(scope, paymentId,
                em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE));
        Currency currency = Currency.getInstance(payment.currency());
        if (request.amount() != null && !Money.fitsMinorUnit(request.amount(), currency)) {
            throw RefundRequest.tooPrecise(payment.currency(), currency.getDefaultFractionDigits());
        }
        BigDecimal accepted = em.createQuery("SELECT COALESCE(SUM(r.amount), 0) FROM Refund r "
                + "WHERE r.paymentId = :payment AND r.status IN :statuses", BigDecimal.class)
                .setParameter("payment", paymentId)
                .setParameter("statuses", EnumSet.of(RefundStatus.PENDING, RefundStatus.SUCCEEDED))
                .getSingleResult();
        Refund refund = Refund.request(payment, request.amount(), accepted, request.reason(), Instant.now());
        em.persist(refund);
        requests.send(refund.id());
        return RefundResponse.from(refund);
    }

    /** The refund, if it refunds a payment the merchant {@code scope} may see (null: any). */
    public RefundResponse find(String scope, String id) {
        Refund refund = em.find(Refund.class, id);
        if (refund == null || (scope != null && !scope.equals(em.find(Payment.class, refund.paymentId()).merchantId()))) {
            throw new ResourceNotFound("refund", id);
        }
        return RefundResponse.from(refund);
    }

    public List<RefundResponse> forPayment(String paymentId) {
        return em.createQuery("SELECT r FROM Refund r WHERE r.paymentId = :payment ORDER BY r.createdAt, r.id",
                Refund.class)
                .setParameter("payment", paymentId)
                .getResultStream().map(RefundResponse::from).toList();
    }
}
