package dev.paygate.events.boundary;

import dev.paygate.events.control.Deliveries;
import dev.paygate.events.entity.Event;
import dev.paygate.events.entity.EventType;
import dev.paygate.events.entity.WebhookAttempt;
import dev.paygate.events.entity.WebhookDelivery;
import dev.paygate.events.entity.WebhookEndpoint;
import dev.paygate.problems.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The transactional facade of events: reading them, their deliveries, and sending one again. */
@Stateless
public class Events {

    @PersistenceContext
    EntityManager em;

    @Inject
    Deliveries deliveries;

    /** The event, if the merchant {@code scope} may see it; another merchant's is answered as missing. */
    public Event find(String scope, String id) {
        Event event = em.find(Event.class, id);
        if (event == null || !event.visibleTo(scope)) {
            throw new ResourceNotFound("event", id);
        }
        return event;
    }

    /**
     * A page of the merchant's events, newest first, of the types {@code pattern} names (all when
     * null), created within the bounds given; keyset on (created_at, id) as for payments.
     */
    public List<Event> list(String merchantId, String pattern, Instant from, Instant to, Event after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM Event e WHERE e.merchantId = :merchant");
        if (pattern != null) {
            jpql.append(" AND e.type IN :types");
        }
        if (from != null) {
            jpql.append(" AND e.createdAt >= :from");
        }
        if (to != null) {
            jpql.append(" AND e.createdAt <= :to");
        }
        if (after != null) {
            jpql.append(" AND (e.createdAt < :createdAt OR (e.createdAt = :createdAt AND e.id < :id))");
        }
        jpql.append(" ORDER BY e.createdAt DESC, e.id DESC");
        var query = em.createQuery(jpql.toString(), Event.class)
                .setParameter("merchant", merchantId)
                .setMaxResults(limit);
        if (pattern != null) {
            query.setParameter(
                    "types",
                    Arrays.stream(EventType.values())
                            .filter(t -> t.matches(pattern))
                            .map(EventType::wire)
                            .toList());
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        if (after != null) {
            query.setParameter("createdAt", after.createdAt()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    public List<DeliveryResponse> deliveries(String scope, String eventId) {
        find(scope, eventId);
        return describe(em.createQuery(
                        "SELECT d FROM WebhookDelivery d WHERE d.eventId = :event ORDER BY d.createdAt, d.id",
                        WebhookDelivery.class)
                .setParameter("event", eventId)
                .getResultList());
    }

    /**
     * Sends the event again, now, to {@code endpointId} (one of the merchant's, enabled or not) or,
     * when null, to every enabled endpoint that takes its type.
     */
    public List<DeliveryResponse> resend(String scope, String eventId, String endpointId) {
        Event event = find(scope, eventId);
        List<WebhookEndpoint> endpoints;
        if (endpointId != null) {
            WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId);
            if (endpoint == null || !endpoint.merchantId().equals(event.merchantId())) {
                throw new ResourceNotFound("webhook endpoint", endpointId);
            }
            endpoints = List.of(endpoint);
        } else {
            endpoints = em.createQuery(
                            "SELECT w FROM WebhookEndpoint w WHERE w.merchantId = :merchant ORDER BY w.createdAt",
                            WebhookEndpoint.class)
                    .setParameter("merchant", event.merchantId())
                    .getResultStream()
                    .filter(w -> w.isEnabled() && w.takes(event.type()))
                    .toList();
        }
        return describe(deliveries.deliverAgain(event, endpoints));
    }

    /** The deliveries with their attempts, as the API shows them. */
    public List<DeliveryResponse> describe(List<WebhookDelivery> list) {
        Map<String, List<WebhookAttempt>> attempts = deliveries.attemptsOf(list);
        return list.stream()
                .map(d -> DeliveryResponse.from(d, attempts.getOrDefault(d.id(), List.of())))
                .toList();
    }
}
