package dev.paygate.events.control;

import dev.paygate.events.control.WebhookSender.Outcome;
import dev.paygate.events.entity.Event;
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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The delivery work that touches the database, one transaction per call: claiming what is due,
 * and recording what came of the attempts.
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
     * Claims up to {@code max} due deliveries to enabled endpoints other than {@code busy}, oldest
     * due first. Each is due again after {@code lease}, should its sender never report. A few
     * statements whatever the number claimed: the rows locked, their claim in one update, and what
     * the sender needs in one read.
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
        if (ids.isEmpty()) {
            return List.of();
        }
        em.createQuery("UPDATE WebhookDelivery d SET d.attemptCount = d.attemptCount + 1, d.nextAttemptAt = :due,"
                        + " d.updatedAt = :now WHERE d.id IN :ids")
                .setParameter("due", now.plus(lease))
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate();
        List<Claim> claims = new ArrayList<>(ids.size());
        for (Object[] row : em.createQuery(
                        "SELECT d.id, d.attemptCount, e.id, e.payload, w FROM WebhookDelivery d, Event e,"
                                + " WebhookEndpoint w WHERE d.id IN :ids AND e.id = d.eventId AND w.id = d.endpointId",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()) {
            WebhookEndpoint endpoint = (WebhookEndpoint) row[4];
            claims.add(new Claim(
                    (String) row[0],
                    (String) row[2],
                    endpoint.id(),
                    endpoint.url(),
                    (String) row[3],
                    endpoint.secretsAt(now),
                    (Integer) row[1]));
        }
        if (claims.size() < ids.size()) { // events past their retention
            Set<String> found = claims.stream().map(Claim::deliveryId).collect(Collectors.toSet());
            ids.stream().filter(id -> !found.contains(id)).forEach(id -> {
                em.find(WebhookDelivery.class, id).fail(null, now);
                em.persist(new WebhookAttempt(id, now, false, null, "the event is past its retention", 0, null, null));
            });
        }
        return claims;
    }

    /** A claimed attempt that has ended: what came of it, and when it was sent. */
    public record Finished(Claim claim, Outcome outcome, Instant attemptedAt) {}

    /**
     * Records what came of claimed attempts: delivered, to be tried again on the schedule, or
     * failed for good. The deliveries that succeeded are marked in one update; each failure on
     * its own, since it may disable its endpoint: one that answered 410 Gone, or that has had no
     * success while a delivery used up the whole schedule.
     */
    public void record(List<Finished> finished, RetrySchedule schedule) {
        Instant now = Instant.now();
        List<String> delivered = new ArrayList<>();
        for (Finished f : finished) {
            Instant retryAt = null;
            if (f.outcome().succeeded()) {
                delivered.add(f.claim().deliveryId());
            } else {
                retryAt = failed(f, schedule, now);
            }
            Outcome o = f.outcome();
            em.persist(new WebhookAttempt(
                    f.claim().deliveryId(),
                    f.attemptedAt(),
                    o.succeeded(),
                    o.status(),
                    o.error(),
                    o.latencyMs(),
                    o.body(),
                    retryAt));
        }
        if (!delivered.isEmpty()) {
            em.createQuery("UPDATE WebhookDelivery d SET d.status = :succeeded, d.nextAttemptAt = NULL,"
                            + " d.updatedAt = :now WHERE d.id IN :ids AND d.status = :pending")
                    .setParameter("succeeded", WebhookDelivery.Status.SUCCEEDED)
                    .setParameter("pending", WebhookDelivery.Status.PENDING)
                    .setParameter("now", now)
                    .setParameter("ids", delivered)
                    .executeUpdate();
        }
    }

    /** The delivery's next try, or null when there is none; disables its endpoint when that is due. */
    private Instant failed(Finished f, RetrySchedule schedule, Instant now) {
        WebhookDelivery delivery =
                em.find(WebhookDelivery.class, f.claim().deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !delivery.isPending()) {
            return null; // its endpoint was deleted meanwhile, or another claim of it succeeded
        }
        Outcome outcome = f.outcome();
        Instant retryAt = outcome.gone() ? null : schedule.retryAt(f.claim().attempt(), now);
        delivery.fail(retryAt, now);
        if (outcome.gone()) {
            disable(delivery, "The endpoint answered 410 Gone at " + now + " (delivery " + delivery.id() + ").", now);
        } else if (retryAt == null && !deliveredSince(delivery.endpointId(), delivery.createdAt())) {
            disable(
                    delivery,
                    "No delivery succeeded from " + delivery.createdAt() + " to " + now + ": delivery " + delivery.id()
                            + " failed " + f.claim().attempt() + " times, the whole retry schedule.",
                    now);
        }
        return retryAt;
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
            WebhookDelivery delivery =
                    WebhookDelivery.of(event.id(), event.type(), endpoint.id(), endpoint.merchantId(), now);
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
