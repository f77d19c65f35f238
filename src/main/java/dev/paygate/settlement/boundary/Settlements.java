package dev.paygate.settlement.boundary;

import dev.paygate.problems.ResourceNotFound;
import dev.paygate.settlement.control.SettlementBook;
import dev.paygate.settlement.entity.Payout;
import dev.paygate.settlement.entity.PayoutStatus;
import dev.paygate.settlement.entity.Settlement;
import dev.paygate.settlement.entity.SettlementItem;
import dev.paygate.settlement.entity.SettlementStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * What merchants read of settlement: their completed settlements, their items and their payouts,
 * each only to its own merchant (another's is answered as missing); and paying payouts due.
 */
@Stateless
public class Settlements {

    @PersistenceContext
    EntityManager em;

    @Inject
    SettlementBook book;

    public Settlement find(String scope, String id) {
        Settlement s = em.find(Settlement.class, id);
        if (s == null || s.isOpen() || scope != null && !scope.equals(s.merchantId())) {
            throw new ResourceNotFound("settlement", id);
        }
        return s;
    }

    /** A page of the merchant's completed settlements, newest day first; keyset on (date, id). */
    public List<Settlement> list(String merchantId, Settlement after, int limit) {
        var query = em.createQuery(
                        "SELECT s FROM Settlement s WHERE s.merchantId = :merchant AND s.status = :complete"
                                + (after == null ? "" : " AND (s.date < :date OR (s.date = :date AND s.id < :id))")
                                + " ORDER BY s.date DESC, s.id DESC",
                        Settlement.class)
                .setParameter("merchant", merchantId)
                .setParameter("complete", SettlementStatus.COMPLETE)
                .setMaxResults(limit);
        if (after != null) {
            query.setParameter("date", after.date()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    /** A page of the items of a settlement already found for its merchant, in time order; keyset on (occurred_at, id). */
    public List<SettlementItem> items(Settlement settlement, String startingAfter, int limit) {
        SettlementItem after = null;
        if (startingAfter != null) {
            after = em.find(SettlementItem.class, startingAfter);
            if (after == null || !after.settlementId().equals(settlement.id())) {
                throw new dev.paygate.problems.InvalidRequest(
                        "parameter_invalid",
                        "starting_after",
                        "starting_after must be the id of an item of settlement " + settlement.id());
            }
        }
        return itemsAfter(settlement.id(), after, limit);
    }

    /** Items of a settlement after {@code after}, for a report read in pages. */
    public List<SettlementItem> itemsAfter(String settlementId, SettlementItem after, int limit) {
        var query = em.createQuery(
                        "SELECT i FROM SettlementItem i WHERE i.settlementId = :settlement"
                                + (after == null
                                        ? ""
                                        : " AND (i.occurredAt > :at OR (i.occurredAt = :at AND i.sourceId > :id))")
                                + " ORDER BY i.occurredAt, i.sourceId",
                        SettlementItem.class)
                .setParameter("settlement", settlementId)
                .setMaxResults(limit);
        if (after != null) {
            query.setParameter("at", after.occurredAt()).setParameter("id", after.sourceId());
        }
        return query.getResultList();
    }

    public Payout payout(String scope, String id) {
        Payout p = em.find(Payout.class, id);
        if (p == null || scope != null && !scope.equals(p.merchantId())) {
            throw new ResourceNotFound("payout", id);
        }
        return p;
    }

    /** A page of the merchant's payouts, newest first; keyset on (created_at, id). */
    public List<Payout> payouts(String merchantId, Payout after, int limit) {
        var query = em.createQuery(
                        "SELECT p FROM Payout p WHERE p.merchantId = :merchant"
                                + (after == null
                                        ? ""
                                        : " AND (p.createdAt < :at OR (p.createdAt = :at AND p.id < :id))")
                                + " ORDER BY p.createdAt DESC, p.id DESC",
                        Payout.class)
                .setParameter("merchant", merchantId)
                .setMaxResults(limit);
        if (after != null) {
            query.setParameter("at", after.createdAt()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    /** The payout of a settlement, if it has one. */
    public Payout payoutOf(String settlementId) {
        return em
                .createQuery("SELECT p FROM Payout p WHERE p.settlementId = :settlement", Payout.class)
                .setParameter("settlement", settlementId)
                .getResultList()
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** Ids of payouts whose arrival time has come. */
    public List<String> duePayouts(Instant now) {
        return em.createQuery(
                        "SELECT p.id FROM Payout p WHERE p.status = :pending AND p.arrivalAt <= :now"
                                + " ORDER BY p.arrivalAt",
                        String.class)
                .setParameter("pending", PayoutStatus.PENDING)
                .setParameter("now", now)
                .setMaxResults(100)
                .getResultList();
    }

    /** Pays one payout if it is still pending and due, locked so instances never pay one twice. */
    public void pay(String payoutId) {
        Payout p = em.find(Payout.class, payoutId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        if (p != null && p.status() == PayoutStatus.PENDING && !now.isBefore(p.arrivalAt())) {
            book.pay(p, now);
        }
    }
}
