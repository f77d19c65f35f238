package dev.paygate.settlement.control;

import dev.paygate.settlement.entity.ItemType;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reads what is still to settle, one page at a time: succeeded charges and captures, then
 * succeeded refunds, before an instant, that no settlement item names yet. Pages follow a keyset
 * on (time, id), each kind on its own index, so each page costs the same however far the run has
 * got, and a run that starts again from a checkpoint reads on from there. The two kinds are read
 * one after the other rather than merged in one query: PostgreSQL does not carry the keyset into
 * the branches of a union, and each page then sorted the whole day.
 */
@Dependent
public class UnsettledItems {

    @PersistenceContext
    EntityManager em;

    /** A position in the reading order, to read on after: captures first, then refunds. */
    public record Position(ItemType type, Instant at, String id) implements java.io.Serializable {}

    public List<UnsettledItem> page(Instant until, String merchantId, Position after, int limit) {
        ItemType type = after == null ? ItemType.CAPTURE : after.type();
        List<UnsettledItem> page = read(type, until, merchantId, after, limit);
        if (page.isEmpty() && type == ItemType.CAPTURE) {
            page = read(ItemType.REFUND, until, merchantId, null, limit);
        }
        return page;
    }

    private List<UnsettledItem> read(ItemType type, Instant until, String merchantId, Position after, int limit) {
        boolean captures = type == ItemType.CAPTURE;
        String at = captures ? "t.created_at" : "r.updated_at";
        String id = captures ? "t.id" : "r.id";
        StringBuilder sql = new StringBuilder(
                captures
                        ? "SELECT t.id, p.id, p.merchant_id, t.currency, p.payment_method, t.created_at, t.amount"
                                + " FROM payment_transactions t JOIN payments p ON p.id = t.payment_id"
                                + " WHERE t.type IN ('CHARGE', 'CAPTURE') AND t.status = 'SUCCEEDED'"
                                + " AND t.created_at < :until"
                        : "SELECT r.id, p.id, p.merchant_id, r.currency, p.payment_method, r.updated_at, r.amount"
                                + " FROM refunds r JOIN payments p ON p.id = r.payment_id"
                                + " WHERE r.status = 'SUCCEEDED' AND r.updated_at < :until");
        sql.append(" AND NOT EXISTS (SELECT 1 FROM settlement_items i WHERE i.source_id = ")
                .append(id)
                .append(")");
        if (merchantId != null) {
            sql.append(" AND p.merchant_id = :merchant");
        }
        if (after != null) {
            sql.append(" AND (").append(at).append(", ").append(id).append(") > (:afterAt, :afterId)");
        }
        sql.append(" ORDER BY ").append(at).append(", ").append(id);
        // Fetched through a cursor: PostgreSQL then plans no parallel workers, whose start costs more
        // than the page itself.
        var query = em.createNativeQuery(sql.toString())
                .setParameter("until", until)
                .setMaxResults(limit)
                .setHint("org.hibernate.fetchSize", limit);
        if (merchantId != null) {
            query.setParameter("merchant", merchantId);
        }
        if (after != null) {
            query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new UnsettledItem(
                        type,
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        instant(r[5]),
                        (BigDecimal) r[6]))
                .toList();
    }

    /** A timestamp as the driver hands it to a native query: each server's Hibernate and driver differ. */
    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value);
    }
}
