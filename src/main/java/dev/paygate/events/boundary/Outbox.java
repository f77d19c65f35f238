package dev.paygate.events.boundary;

import dev.paygate.events.entity.Event;
import dev.paygate.events.entity.EventToDispatch;
import dev.paygate.events.entity.EventType;
import dev.paygate.payments.boundary.PaymentResponse;
import dev.paygate.payments.control.PaymentChanged;
import dev.paygate.platform.Ids;
import dev.paygate.platform.JsonbConfiguration;
import dev.paygate.refunds.boundary.RefundResponse;
import dev.paygate.refunds.control.RefundChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The transactional outbox: every change the payments' and refunds' transitions fire is written
 * as an event in the changing transaction, so a change that rolls back leaves no event and a
 * committed one always has its event. Once the change has committed, the dispatcher is told, so
 * the instance that made a change sends it at once instead of at its next look.
 */
@ApplicationScoped
public class Outbox {

    /** The shape of events and of the objects in them; it changes only when their fields do. */
    public static final String API_VERSION = "2026-12-01";

    @PersistenceContext
    EntityManager em;

    @Inject
    Dispatcher dispatcher;

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
                change.from() == null
                        ? Map.of()
                        : Map.of("status", change.from().wire()));
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

    void paymentCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaymentChanged change) {
        dispatcher.nudge();
    }

    void refundCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RefundChanged change) {
        dispatcher.nudge();
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
        String payload = JsonbConfiguration.toJson(new EventBody(
                id, "event", type.wire(), API_VERSION, at, merchantId, sequence, new EventBody.Data(object, previous)));
        em.persist(new Event(id, merchantId, type, objectId, sequence, at, payload));
        em.persist(new EventToDispatch(id));
    }
}
