package dev.paygate.settlement.control;

import dev.paygate.settlement.entity.ItemType;
import dev.paygate.settlement.entity.Payout;
import dev.paygate.settlement.entity.Settlement;
import dev.paygate.settlement.entity.SettlementItem;
import dev.paygate.settlement.entity.SettlementStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * The one place where settlements and payouts change: items are added to the day's open
 * settlement of their merchant and currency, a settlement is completed with the totals of its
 * items and, when its net is positive, gets its payout, and a payout is paid. Each change a
 * merchant can see fires its event in the caller's transaction.
 */
@Dependent
public class SettlementBook {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<SettlementChanged> settlementChanged;

    @Inject
    Event<PayoutChanged> payoutChanged;

    @Inject
    @ConfigProperty(name = "paygate.payout.delay.seconds", defaultValue = "172800")
    long payoutDelaySeconds;

    /** The day's settlement of a merchant in a currency, open or complete; null if there is none. */
    public Settlement of(String merchantId, String currency, LocalDate date) {
        return em
                .createQuery(
                        "SELECT s FROM Settlement s WHERE s.merchantId = :merchant AND s.currency = :currency"
                                + " AND s.date = :date",
                        Settlement.class)
                .setParameter("merchant", merchantId)
                .setParameter("currency", currency)
                .setParameter("date", date)
                .getResultList()
                .stream()
                .findFirst()
                .orElse(null);
    }

    /**
     * Adds the items to the open settlements of {@code date}, opening them as needed. An item whose
     * settlement of that day is already complete is left for a later day's settlement.
     *
     * @return how many were added
     */
    public int add(List<PricedItem> items, LocalDate date, Instant until, String runId, Instant now) {
        Map<String, Settlement> settlements = new HashMap<>();
        List<SettlementItem> lines = new ArrayList<>(items.size());
        for (PricedItem priced : items) {
            UnsettledItem item = priced.item();
            Settlement settlement = settlements.computeIfAbsent(item.merchantId() + " " + item.currency(), k -> {
                Settlement s = of(item.merchantId(), item.currency(), date);
                if (s == null) {
                    s = Settlement.open(item.merchantId(), item.currency(), date, until, runId, now);
                    em.persist(s);
                }
                return s;
            });
            if (!settlement.isOpen()) {
                continue;
            }
            lines.add(
                    item.type() == ItemType.CAPTURE
                            ? SettlementItem.capture(
                                    settlement.id(),
                                    item.sourceId(),
                                    item.paymentId(),
                                    item.method(),
                                    item.at(),
                                    item.amount(),
                                    item.currency(),
                                    priced.rule())
                            : SettlementItem.refund(
                                    settlement.id(),
                                    item.sourceId(),
                                    item.paymentId(),
                                    item.method(),
                                    item.at(),
                                    item.amount()));
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> insert(connection, lines));
        return lines.size();
    }

    /**
     * Stores a chunk's items with one statement, in the chunk's transaction: each column travels as
     * one array and the database inserts the rows as one set. A JDBC batch of one row per item made
     * PostgreSQL run its executor once a row and took more than twice as long (docs/settlement.md,
     * "How fast"). The entity made each item and holds its rules; items are never changed once
     * written. The same statement runs on PostgreSQL and H2.
     */
    private static void insert(Connection connection, List<SettlementItem> lines) throws SQLException {
        int n = lines.size();
        if (n == 0) {
            return;
        }
        String[] sourceIds = new String[n];
        String[] settlementIds = new String[n];
        String[] types = new String[n];
        String[] paymentIds = new String[n];
        String[] refundIds = new String[n];
        String[] methods = new String[n];
        OffsetDateTime[] occurredAt = new OffsetDateTime[n];
        BigDecimal[] amounts = new BigDecimal[n];
        BigDecimal[] fees = new BigDecimal[n];
        BigDecimal[] nets = new BigDecimal[n];
        BigDecimal[] feePercents = new BigDecimal[n];
        Long[] feeFixedMinors = new Long[n];
        for (int k = 0; k < n; k++) {
            SettlementItem line = lines.get(k);
            sourceIds[k] = line.sourceId();
            settlementIds[k] = line.settlementId();
            types[k] = line.type().name();
            paymentIds[k] = line.paymentId();
            refundIds[k] = line.refundId();
            methods[k] = line.paymentMethod();
            occurredAt[k] = line.occurredAt().atOffset(ZoneOffset.UTC);
            amounts[k] = line.amount();
            fees[k] = line.fee();
            nets[k] = line.net();
            feePercents[k] = line.feePercent();
            feeFixedMinors[k] = line.feeFixedMinor();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO settlement_items (source_id,"
                + " settlement_id, type, payment_id, refund_id, payment_method, occurred_at, amount, fee, net,"
                + " fee_percent, fee_fixed_minor) SELECT * FROM UNNEST(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setArray(1, connection.createArrayOf("varchar", sourceIds));
            insert.setArray(2, connection.createArrayOf("varchar", settlementIds));
            insert.setArray(3, connection.createArrayOf("varchar", types));
            insert.setArray(4, connection.createArrayOf("varchar", paymentIds));
            insert.setArray(5, connection.createArrayOf("varchar", refundIds));
            insert.setArray(6, connection.createArrayOf("varchar", methods));
            insert.setArray(7, connection.createArrayOf("timestamptz", occurredAt));
            insert.setArray(8, connection.createArrayOf("numeric", amounts));
            insert.setArray(9, connection.createArrayOf("numeric", fees));
            insert.setArray(10, connection.createArrayOf("numeric", nets));
            insert.setArray(11, connection.createArrayOf("numeric", feePercents));
            insert.setArray(12, connection.createArrayOf("bigint", feeFixedMinors));
            int stored = insert.executeUpdate();
            if (stored != n) {
                throw new SQLException("stored " + stored + " settlement items of " + n);
            }
        }
    }

    /** The ids of the open settlements of a day (of one merchant, or all). */
    public List<String> open(LocalDate date, String merchantId) {
        var query = em.createQuery(
                        "SELECT s.id FROM Settlement s WHERE s.date = :date AND s.status = :open"
                                + (merchantId == null ? "" : " AND s.merchantId = :merchant")
                                + " ORDER BY s.id",
                        String.class)
                .setParameter("date", date)
                .setParameter("open", SettlementStatus.OPEN);
        if (merchantId != null) {
            query.setParameter("merchant", merchantId);
        }
        return query.getResultList();
    }

    /** Completes an open settlement with the totals of its items, and creates its payout. */
    public void complete(String settlementId, Instant now) {
        Settlement settlement = em.find(Settlement.class, settlementId, LockModeType.PESSIMISTIC_WRITE);
        if (settlement == null || !settlement.isOpen()) {
            return;
        }
        Object[] totals = em.createQuery(
                        "SELECT SUM(CASE WHEN i.type = :capture THEN i.amount ELSE 0 END),"
                                + " SUM(CASE WHEN i.type = :capture THEN 0 ELSE -i.amount END),"
                                + " SUM(i.fee), SUM(i.net), COUNT(i) FROM SettlementItem i"
                                + " WHERE i.settlementId = :settlement",
                        Object[].class)
                .setParameter("capture", ItemType.CAPTURE)
                .setParameter("settlement", settlementId)
                .getSingleResult();
        settlement.complete(
                decimal(totals[0]),
                decimal(totals[1]),
                decimal(totals[2]),
                decimal(totals[3]),
                ((Number) totals[4]).intValue(),
                now);
        Payout payout = null;
        if (settlement.net().signum() > 0) {
            payout = Payout.of(settlement, Duration.ofSeconds(payoutDelaySeconds), now);
            em.persist(payout);
        }
        settlementChanged.fire(new SettlementChanged(settlement, payout == null ? null : payout.id()));
        if (payout != null) {
            payoutChanged.fire(new PayoutChanged(payout, null));
        }
    }

    public void pay(Payout payout, Instant now) {
        var from = payout.status();
        payout.pay(now);
        payoutChanged.fire(new PayoutChanged(payout, from));
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
