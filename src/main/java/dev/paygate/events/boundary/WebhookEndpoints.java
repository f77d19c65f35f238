package dev.paygate.events.boundary;

import dev.paygate.events.control.Deliveries;
import dev.paygate.events.control.WebhookUrl;
import dev.paygate.events.entity.EventType;
import dev.paygate.events.entity.WebhookDelivery;
import dev.paygate.events.entity.WebhookEndpoint;
import dev.paygate.idempotency.boundary.Idempotent;
import dev.paygate.merchants.control.MerchantRegistry;
import dev.paygate.platform.CardNumberInText;
import dev.paygate.platform.PublicLocation;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The transactional facade of webhook endpoints: one method, one transaction. */
@Stateless
public class WebhookEndpoints {

    @PersistenceContext
    EntityManager em;

    @Inject
    MerchantRegistry merchants;

    @Inject
    PublicLocation location;

    @Inject
    Events events;

    @Inject
    Deliveries deliveries;

    @Inject
    Event<EndpointCache.Changed> changed;

    @Inject
    @ConfigProperty(name = "paygate.webhook.allow.private", defaultValue = "true")
    boolean allowPrivate;

    @Inject
    @ConfigProperty(name = "paygate.webhook.secret.overlap.seconds", defaultValue = "86400")
    long overlapSeconds;

    /** A new endpoint → 201 with its secret, stored under the request's Idempotency-Key with it. */
    @Idempotent
    public Response create(String merchantId, WebhookEndpointRequest r) {
        if (r.status() != null) {
            throw new InvalidRequest("parameter_unknown", "status", "A new endpoint is enabled; status is for changes");
        }
        merchants.ensureRegistered(merchantId);
        Instant now = Instant.now();
        WebhookEndpoint endpoint = WebhookEndpoint.create(
                merchantId,
                WebhookUrl.check(r.url(), allowPrivate, "url"),
                r.enabledEvents() == null ? List.of("*") : patterns(r.enabledEvents()),
                description(r.description()),
                false,
                now);
        em.persist(endpoint);
        changed.fire(new EndpointCache.Changed(merchantId));
        return Response.status(Response.Status.CREATED)
                .header(PublicLocation.HEADER, location.of("/api/v1/webhook_endpoints/" + endpoint.id()))
                .entity(WebhookEndpointResponse.withSecret(endpoint, now))
                .build();
    }

    public WebhookEndpoint find(String scope, String id) {
        return visible(scope, id, em.find(WebhookEndpoint.class, id));
    }

    private WebhookEndpoint lock(String scope, String id) {
        return visible(scope, id, em.find(WebhookEndpoint.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    private static WebhookEndpoint visible(String scope, String id, WebhookEndpoint endpoint) {
        if (endpoint == null || !endpoint.visibleTo(scope)) {
            throw new ResourceNotFound("webhook endpoint", id);
        }
        return endpoint;
    }

    /** The merchant's endpoints, newest first, after {@code after} if given. */
    public List<WebhookEndpoint> list(String merchantId, WebhookEndpoint after, int limit) {
        String jpql = "SELECT w FROM WebhookEndpoint w WHERE w.merchantId = :merchant"
                + (after == null ? "" : " AND (w.createdAt < :createdAt OR (w.createdAt = :createdAt AND w.id < :id))")
                + " ORDER BY w.createdAt DESC, w.id DESC";
        var query = em.createQuery(jpql, WebhookEndpoint.class)
                .setParameter("merchant", merchantId)
                .setMaxResults(limit);
        if (after != null) {
            query.setParameter("createdAt", after.createdAt()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    @Idempotent
    public WebhookEndpointResponse update(String scope, String id, WebhookEndpointRequest r) {
        WebhookEndpoint endpoint = lock(scope, id);
        Instant now = Instant.now();
        endpoint.change(
                r.url() == null ? null : WebhookUrl.check(r.url(), allowPrivate, "url"),
                r.enabledEvents() == null ? null : patterns(r.enabledEvents()),
                r.description() == null ? null : description(r.description()),
                now);
        if ("enabled".equals(r.status())) {
            endpoint.enable(now);
        } else if ("disabled".equals(r.status())) {
            endpoint.disable("Disabled through the API at " + now + ".", now);
        } else if (r.status() != null) {
            throw new InvalidRequest("parameter_invalid", "status", "status must be enabled or disabled");
        }
        changed.fire(new EndpointCache.Changed(endpoint.merchantId()));
        return WebhookEndpointResponse.from(endpoint, now);
    }

    /** Deletes the endpoint with its deliveries and their attempts. */
    public void delete(String scope, String id) {
        WebhookEndpoint endpoint = lock(scope, id);
        deliveries.remove(endpoint);
        changed.fire(new EndpointCache.Changed(endpoint.merchantId()));
    }

    @Idempotent
    public WebhookEndpointResponse rotateSecret(String scope, String id, Integer expireCurrentInSeconds) {
        long seconds = expireCurrentInSeconds == null ? overlapSeconds : expireCurrentInSeconds;
        if (seconds < 0 || seconds > Duration.ofDays(30).toSeconds()) {
            throw new InvalidRequest(
                    "parameter_invalid",
                    "expire_current_in_seconds",
                    "expire_current_in_seconds must be from 0 to 2592000 (30 days)");
        }
        WebhookEndpoint endpoint = lock(scope, id);
        Instant now = Instant.now();
        endpoint.rotateSecret(now.plusSeconds(seconds), now);
        return WebhookEndpointResponse.withSecret(endpoint, now);
    }

    /** A page of the endpoint's deliveries, newest first. */
    public DeliveryPage deliveries(String scope, String id, String startingAfter, int limit) {
        find(scope, id);
        WebhookDelivery after = startingAfter == null ? null : em.find(WebhookDelivery.class, startingAfter);
        if (startingAfter != null && (after == null || !after.endpointId().equals(id))) {
            throw new InvalidRequest(
                    "parameter_invalid", "starting_after", "starting_after must be the id of one of its deliveries");
        }
        String jpql = "SELECT d FROM WebhookDelivery d WHERE d.endpointId = :endpoint"
                + (after == null ? "" : " AND (d.createdAt < :createdAt OR (d.createdAt = :createdAt AND d.id < :id))")
                + " ORDER BY d.createdAt DESC, d.id DESC";
        var query = em.createQuery(jpql, WebhookDelivery.class)
                .setParameter("endpoint", id)
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("createdAt", after.createdAt()).setParameter("id", after.id());
        }
        List<WebhookDelivery> page = query.getResultList();
        return new DeliveryPage(events.describe(page.stream().limit(limit).toList()), page.size() > limit);
    }

    static List<String> patterns(List<String> requested) {
        if (requested.isEmpty()) {
            throw new InvalidRequest(
                    "parameter_invalid", "enabled_events", "enabled_events needs at least one type, or [\"*\"]");
        }
        for (String pattern : requested) {
            if (!EventType.isPattern(pattern)) {
                throw new InvalidRequest(
                        "parameter_invalid",
                        "enabled_events",
                        "enabled_events holds '" + (CardNumberInText.found(pattern) ? "a card number" : pattern)
                                + "', which is neither an event type, nor * , nor a wildcard such as payment.*");
            }
        }
        return requested.stream().distinct().toList();
    }

    private static String description(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > 500) {
            throw new InvalidRequest("parameter_invalid", "description", "description must be at most 500 characters");
        }
        if (CardNumberInText.found(text)) {
            throw new InvalidRequest(CardNumberInText.CODE, "description", "description " + CardNumberInText.MESSAGE);
        }
        return text;
    }
}
