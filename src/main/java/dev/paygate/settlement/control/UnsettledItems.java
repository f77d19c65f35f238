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
 * Reads what is still to settle, oldest first, one page at a time: succeeded charges and captures
 * and succeeded refunds before an instant, that no settlement item names yet. Pages follow a
 * keyset on (time, id), so each page costs the same however far the run has got, and a run that
 * starts again from a checkpoint reads on from there.
 */
@Dependent
public class UnsettledItems {

    @PersistenceContext
    EntityManager em;

    /** A position in the reading order, to read on after. */
    public record Position(Instant at, String id) implements java.io.Serializable {}

    public List<UnsettledItem> page(Instant until, String merchantId, Position after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT u.type, u.source_id, u.payment_id, u.merchant_id, u.currency,"
                + " u.method, u.at, u.amount FROM ("
                + " SELECT 'CAPTURE' AS type, t.id AS source_id, p.id AS payment_id, p.merchant_id AS merchant_id,"
                + " t.currency AS currency, p.payment_method AS method, t.created_at AS at, t.amount AS amount"
                + " FROM payment_transactions t JOIN payments p ON p.id = t.payment_id"
                + " WHERE t.type IN ('CHARGE', 'CAPTURE') AND t.status = 'SUCCEEDED' AND t.created_at < :until"
                + " UNION ALL"
                + " SELECT 'REFUND', r.id, r.payment_id, p.merchant_id, r.currency, p.payment_method,"
                + " r.updated_at, r.amount"
                + " FROM refunds r JOIN payments p ON p.id = r.payment_id"
                + " WHERE r.status = 'SUCCEEDED' AND r.updated_at < :until) u"
                + " WHERE NOT EXISTS (SELECT 1 FROM settlement_items i WHERE i.source_id = u.source_id)");
        if (merchantId != null) {
            sql.append(" AND u.merchant_id = :merchant");
        }
        if (after != null) {
            sql.append(" AND (u.at, u.source_id) > (:afterAt, :afterId)");
        }
        sql.append(" ORDER BY u.at, u.source_id");
        var query = em.createNativeQuery(sql.toString())
                .setParameter("until", until)
                .setMaxResults(limit);
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
                        ItemType.valueOf(((String) r[0]).trim()),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        instant(r[6]),
                        (BigDecimal) r[7]))
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
