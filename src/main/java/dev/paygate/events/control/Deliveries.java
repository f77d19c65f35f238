package dev.paygate.events.control;

import dev.paygate.events.control.WebhookSender.Outcome;
import dev.paygate.events.entity.Event;
import dev.paygate.events.entity.EventType;
import dev.paygate.events.entity.WebhookAttempt;
import dev.paygate.events.entity.WebhookDelivery;
import dev.paygate.events.entity.WebhookEndpoint;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The delivery work that touches the database, one transaction per call: handing new events to
 * the endpoints that take them, claiming what is due, and recording what came of each attempt.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so that instances sharing a database never
 * take the same row; sending happens between the claim's transaction and the record's.
 */
@Stateless
public class Deliveries {

    /** A delivery taken for sending, with everything the sender needs. */
    public record Claim(
            String deliveryId,
            String eventId,
            String endpointId,
            String url,
            String payload,
            List<String> secrets,
            int attempt) {}

    @PersistenceContext
    EntityManager em;

    /**
     * Hands up to {@code max} new events to the endpoints of their merchants that take their
     * types; returns how many events it handled. A disabled endpoint's deliveries wait until it is
     * enabled again.
     */
    public int fanOut(int max) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT event_id FROM events_to_dispatch FETCH FIRST " + max
                        + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        List<Object[]> events = em.createQuery(
                        "SELECT e.id, e.merchantId, e.type FROM Event e WHERE e.id IN :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultList();
        Map<String, List<WebhookEndpoint>> endpoints = em.createQuery(
                        "SELECT w FROM WebhookEndpoint w WHERE w.merchantId IN :merchants", WebhookEndpoint.class)
                .setParameter(
                        "merchants",
                        events.stream().map(e -> (String) e[1]).distinct().toList())
                .getResultStream()
                .collect(Collectors.groupingBy(WebhookEndpoint::merchantId));
        Instant now = Instant.now();
        for (Object[] e : events) {
            EventType type = EventType.fromWire((String) e[2]).orElseThrow();
            for (WebhookEndpoint endpoint : endpoints.getOrDefault((String) e[1], List.of())) {
                if (endpoint.takes(type)) {
                    em.persist(WebhookDelivery.of((String) e[0], type, endpoint, now));
                }
            }
        }
        em.createQuery("DELETE FROM EventToDispatch d WHERE d.eventId IN :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        return ids.size();
    }

    /**
     * Claims up to {@code max} due deliveries to enabled endpoints other than {@code busy}, oldest
     * due first. Each is due again after {@code lease}, should its sender never report.
     */
    public List<Claim> claim(int max, Collection<String> busy, Duration lease) {
        Instant now = Instant.now();
        String sql = "SELECT id FROM webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at <= :now"
                + " AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE status = 'ENABLED')"
                + (busy.isEmpty() ? "" : " AND endpoint_id NOT IN (:busy)")
                + " ORDER BY next_attempt_at FETCH FIRST " + max + " ROWS ONLY FOR UPDATE SKIP LOCKED";
        var query = em.createNativeQuery(sql).setParameter("now", now.atOffset(ZoneOffset.UTC));
        if (!busy.isEmpty()) {
            query.setParameter("busy", busy);
        }
        @SuppressWarnings("unchecked")
        List<String> ids = query.getResultList();
        List<Claim> claims = new ArrayList<>(ids.size());
        for (String id : ids) {
            WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
            WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.endpointId());
            Event event = em.find(Event.class, delivery.eventId());
            delivery.claim(now, lease);
            if (event == null) { // past its retention
                delivery.fail(null, now);
                em.persist(new WebhookAttempt(id, now, false, null, "the event is past its retention", 0, null, null));
                continue;
            }
            claims.add(new Claim(
                    id,
                    event.id(),
                    endpoint.id(),
                    endpoint.url(),
                    event.payload(),
                    endpoint.secretsAt(now),
                    delivery.attemptCount()));
        }
        return claims;
    }

    /**
     * Records what came of a claimed attempt: delivered, to be tried again on the schedule, or
     * failed for good. An endpoint that answered 410 Gone, or that has had no success while a
     * delivery used up the whole schedule, is disabled.
     */
    public void record(Claim claim, Outcome outcome, Instant attemptedAt, RetrySchedule schedule) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !delivery.isPending()) {
            return; // its endpoint was deleted meanwhile
        }
        Instant now = Instant.now();
        Instant retryAt = null;
        if (outcome.succeeded()) {
            delivery.succeed(now);
        } else {
            retryAt = outcome.gone() ? null : schedule.retryAt(claim.attempt(), now);
            delivery.fail(retryAt, now);
            if (outcome.gone()) {
                disable(
                        delivery,
                        "The endpoint answered 410 Gone at " + now + " (delivery " + delivery.id() + ").",
                        now);
            } else if (retryAt == null && !deliveredSince(delivery.endpointId(), delivery.createdAt())) {
                disable(
                        delivery,
                        "No delivery succeeded from " + delivery.createdAt() + " to " + now + ": delivery "
                                + delivery.id() + " failed " + claim.attempt() + " times, the whole retry schedule.",
                        now);
            }
        }
        em.persist(new WebhookAttempt(
                delivery.id(),
                attemptedAt,
                outcome.succeeded(),
                outcome.status(),
                outcome.error(),
                outcome.latencyMs(),
                outcome.body(),
                retryAt));
    }

    /**
     * Whether anything reached the endpoint since {@code since}. Asked only when a delivery has
     * used up its schedule, so that the deliveries that succeed never write to their endpoint's
     * row, which many of them would otherwise contend for.
     */
    private boolean deliveredSince(String endpointId, Instant since) {
        return !em.createQuery(
                        "SELECT d.id FROM WebhookDelivery d WHERE d.endpointId = :endpoint AND d.status = :succeeded"
                                + " AND d.updatedAt >= :since",
                        String.class)
                .setParameter("endpoint", endpointId)
                .setParameter("succeeded", WebhookDelivery.Status.SUCCEEDED)
                .setParameter("since", since)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private void disable(WebhookDelivery delivery, String reason, Instant now) {
        WebhookEndpoint endpoint =
                em.find(WebhookEndpoint.class, delivery.endpointId(), LockModeType.PESSIMISTIC_WRITE);
        if (endpoint != null && endpoint.isEnabled()) {
            endpoint.disable(reason, now);
        }
    }

    /** New deliveries of {@code event}, due now, to {@code endpoints}. */
    public List<WebhookDelivery> deliverAgain(Event event, List<WebhookEndpoint> endpoints) {
        Instant now = Instant.now();
        List<WebhookDelivery> created = new ArrayList<>();
        for (WebhookEndpoint endpoint : endpoints) {
            WebhookDelivery delivery = WebhookDelivery.of(event.id(), event.type(), endpoint, now);
            em.persist(delivery);
            created.add(delivery);
        }
        return created;
    }

    /** Forgets events, deliveries and attempts from before {@code cutoff}; returns how many events. */
    public int purge(Instant cutoff) {
        em.createQuery("DELETE FROM WebhookAttempt a WHERE a.attemptedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
        em.createQuery("DELETE FROM WebhookDelivery d WHERE d.createdAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
        em.createQuery("DELETE FROM EventToDispatch d WHERE d.eventId IN "
                        + "(SELECT e.id FROM Event e WHERE e.createdAt < :cutoff)")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
        return em.createQuery("DELETE FROM Event e WHERE e.createdAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    /** The attempts of each of {@code deliveries}, oldest first. */
    public Map<String, List<WebhookAttempt>> attemptsOf(List<WebhookDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Map.of();
        }
        return em.createQuery(
                        "SELECT a FROM WebhookAttempt a WHERE a.deliveryId IN :ids ORDER BY a.attemptedAt, a.id",
                        WebhookAttempt.class)
                .setParameter(
                        "ids", deliveries.stream().map(WebhookDelivery::id).toList())
                .getResultStream()
                .collect(Collectors.groupingBy(WebhookAttempt::deliveryId));
    }

    /** Deletes {@code endpoint} with its deliveries and their attempts. */
    public void remove(WebhookEndpoint endpoint) {
        em.createQuery("DELETE FROM WebhookAttempt a WHERE a.deliveryId IN "
                        + "(SELECT d.id FROM WebhookDelivery d WHERE d.endpointId = :endpoint)")
                .setParameter("endpoint", endpoint.id())
                .executeUpdate();
        em.createQuery("DELETE FROM WebhookDelivery d WHERE d.endpointId = :endpoint")
                .setParameter("endpoint", endpoint.id())
                .executeUpdate();
        em.remove(endpoint);
    }
}
