package dev.paygate.refunds.control;

import dev.paygate.refunds.entity.RefundStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Refunds that were accepted but whose message may never reach the settlement: a broker that
 * lost it, a crash between the database's commit and the broker's. Queuing one again is safe,
 * since {@link RefundSettlement#settle} leaves a refund that is no longer pending as it is.
 */
@Stateless
public class StrandedRefunds {

    @PersistenceContext
    EntityManager em;

    @Inject
    RefundRequests requests;

    /** Up to {@code max} pending refunds accepted before {@code before}, with ids after {@code afterId}, by id. */
    public List<String> pendingSince(Instant before, String afterId, int max) {
        return em.createQuery(
                        "SELECT r.id FROM Refund r WHERE r.status = :pending AND r.createdAt < :before "
                                + "AND r.id > :after ORDER BY r.id",
                        String.class)
                .setParameter("pending", RefundStatus.PENDING)
                .setParameter("before", before)
                .setParameter("after", afterId)
                .setMaxResults(max)
                .getResultList();
    }

    /** Queues each of {@code ids} again, in one transaction: all of them or, if the broker fails, none. */
    public void requeue(List<String> ids) {
        ids.forEach(requests::send);
    }
}
