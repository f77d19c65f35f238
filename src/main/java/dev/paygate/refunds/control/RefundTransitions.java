package dev.paygate.refunds.control;

import dev.paygate.refunds.entity.Refund;
import dev.paygate.refunds.entity.RefundStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The one way a refund changes: the refund refuses a move its status does not allow
 * ({@link RefundStatus#canMoveTo}), and each move it allows fires one {@link RefundChanged} in the
 * caller's transaction. The payment's row for a refund is written by payments, which the caller
 * tells through the ledger.
 */
@Dependent
public class RefundTransitions {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<RefundChanged> changed;

    /** A new refund, pending, of a payment of {@code merchantId}. */
    public void accept(Refund refund, String merchantId) {
        em.persist(refund);
        changed.fire(RefundChanged.of(refund, merchantId, null, refund.createdAt()));
    }

    public void succeed(Refund refund, String merchantId, Instant now) {
        RefundStatus from = refund.status();
        refund.succeed(now);
        changed.fire(RefundChanged.of(refund, merchantId, from, refund.updatedAt()));
    }

    public void fail(Refund refund, String merchantId, String reason, Instant now) {
        RefundStatus from = refund.status();
        refund.fail(reason, now);
        changed.fire(RefundChanged.of(refund, merchantId, from, refund.updatedAt()));
    }
}
