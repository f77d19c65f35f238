package dev.paygate.events.boundary;

import dev.paygate.events.entity.Event;
import dev.paygate.events.entity.EventType;
import dev.paygate.events.entity.WebhookDelivery;
import dev.paygate.events.entity.WebhookEndpoint;
import dev.paygate.payments.boundary.PaymentResponse;
import dev.paygate.payments.control.PaymentChanged;
import dev.paygate.platform.Ids;
import dev.paygate.refunds.boundary.RefundResponse;
import dev.paygate.refunds.control.RefundChanged;
import dev.paygate.settlement.boundary.PayoutResponse;
import dev.paygate.settlement.boundary.SettlementResponse;
import dev.paygate.settlement.control.PayoutChanged;
import dev.paygate.settlement.control.SettlementChanged;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The transactional outbox: every change the payments' and refunds' transitions fire is written
 * as an event in the changing transaction, with its deliveries to the merchant's endpoints that
 * take its type, so a change that rolls back leaves neither and a committed one has both. When a
 * transaction that made deliveries commits, the dispatcher is told, so the instance that made a
 * change sends it at once instead of at its next look. The merchant's endpoints come from the
 * {@link EndpointCache}.
 */
@ApplicationScoped
public class Outbox {

    /** The shape of events and of the objects in them; it changes only when their fields do. */
    public static final String API_VERSION = "2026-12-01";

    @PersistenceContext
    EntityManager em;

    @Inject
    Dispatcher dispatcher;

    @Resource
    TransactionSynchronizationRegistry registry;

    @Inject
    EndpointCache cache;

    void paymentChanged(@Observes(during = TransactionPhase.IN_PROGRESS) PaymentChanged change) {
        var payment = change.payment();
        write(
                payment.merchantId(),
                EventType.of(
                        "payment",
                        change.from() == null ? "created" : change.to().wire()),
                payment.id(),
                payment.revision(),
                change.at(),
                PaymentResponse.from(payment),
                change.before() == null ? Map.of() : PaymentResponse.previous(change.before(), payment));
    }

    void refundChanged(@Observes(during = TransactionPhase.IN_PROGRESS) RefundChanged change) {
        var refund = change.refund();
        write(
                change.merchantId(),
                EventType.of(
                        "refund",
                        change.from() == null ? "created" : change.to().name().toLowerCase(Locale.ROOT)),
                refund.id(),
                refund.revision(),
                change.at(),
                RefundResponse.from(refund),
                change.from() == null
                        ? Map.of()
                        : Map.of("status", change.from().name().toLowerCase(Locale.ROOT)));
    }

    void settlementChanged(@Observes(during = TransactionPhase.IN_PROGRESS) SettlementChanged change) {
        var settlement = change.settlement();
        write(
                settlement.merchantId(),
                EventType.SETTLEMENT_CREATED,
                settlement.id(),
                1,
                settlement.updatedAt(),
                SettlementResponse.from(settlement, change.payoutId()),
                Map.of());
    }

    void payoutChanged(@Observes(during = TransactionPhase.IN_PROGRESS) PayoutChanged change) {
        var payout = change.payout();
        write(
                payout.merchantId(),
                change.from() == null ? EventType.PAYOUT_CREATED : EventType.PAYOUT_PAID,
                payout.id(),
                payout.revision(),
                payout.updatedAt(),
                PayoutResponse.from(payout),
                change.from() == null
                        ? Map.of()
                        : Map.of("status", change.from().wire()));
    }

    private void write(
            String merchantId,
            EventType type,
            String objectId,
            int sequence,
            Instant at,
            Object object,
            Map<String, Object> previous) {
        String id = Ids.next("evt");
        String payload = EventBody.json(id, type.wire(), API_VERSION, at, merchantId, sequence, object, previous);
        em.persist(new Event(id, merchantId, type, objectId, sequence, at, payload));
        InTransaction tx = inTransaction();
        boolean any = false;
        for (Object[] endpoint :
                tx.endpoints.computeIfAbsent(merchantId, m -> cache.endpointsOf(m, this::endpointsOf))) {
            if (WebhookEndpoint.takes((String) endpoint[1], type)) {
                em.persist(WebhookDelivery.of(id, type, (String) endpoint[0], merchantId, at));
                any = true;
            }
        }
        if (any && !tx.sends) {
            tx.sends = true;
            registry.registerInterposedSynchronization(tx);
        }
    }

    /**
     * The id and event patterns of every endpoint of the merchant, disabled ones too: their
     * deliveries wait until they are enabled.
     */
    private List<Object[]> endpointsOf(String merchantId) {
        return em.createQuery(
                        "SELECT w.id, w.enabledEvents FROM WebhookEndpoint w WHERE w.merchantId = :merchant",
                        Object[].class)
                .setParameter("merchant", merchantId)
                .getResultList();
    }

    /**
     * What the outbox keeps for the length of one transaction: the endpoints of each merchant it
     * has looked up (a batch of changes asks once per merchant), and whether it has deliveries to
     * send once the transaction commits.
     */
    private InTransaction inTransaction() {
        InTransaction tx = (InTransaction) registry.getResource(InTransaction.class);
        if (tx == null) {
            tx = new InTransaction(dispatcher);
            registry.putResource(InTransaction.class, tx);
        }
        return tx;
    }

    private static final class InTransaction implements Synchronization {

        final Map<String, List<Object[]>> endpoints = new HashMap<>();
        final Dispatcher dispatcher;
        boolean sends;

        InTransaction(Dispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                dispatcher.nudge();
            }
        }
    }
}
