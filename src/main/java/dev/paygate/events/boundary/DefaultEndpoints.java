package dev.paygate.events.boundary;

import dev.paygate.events.control.Deliveries;
import dev.paygate.events.control.WebhookUrl;
import dev.paygate.events.entity.WebhookEndpoint;
import dev.paygate.merchants.control.WebhookUrlChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A merchant's {@code webhook_url} is its default endpoint, taking every event: setting the URL
 * creates or moves that endpoint, removing it deletes the endpoint, in the same transaction.
 */
@ApplicationScoped
public class DefaultEndpoints {

    @PersistenceContext
    EntityManager em;

    @Inject
    Deliveries deliveries;

    @Inject
    Event<EndpointCache.Changed> changed;

    @Inject
    @ConfigProperty(name = "paygate.webhook.allow.private", defaultValue = "true")
    boolean allowPrivate;

    void changed(@Observes WebhookUrlChanged change) {
        WebhookEndpoint current = em.createQuery(
                        "SELECT w FROM WebhookEndpoint w WHERE w.merchantId = :merchant AND w.merchantDefault = true",
                        WebhookEndpoint.class)
                .setParameter("merchant", change.merchantId())
                .getResultStream()
                .findFirst()
                .orElse(null);
        Instant now = Instant.now();
        if (change.url() == null) {
            if (current != null) {
                deliveries.remove(current);
            }
        } else if (current == null) {
            em.persist(WebhookEndpoint.create(
                    change.merchantId(),
                    WebhookUrl.check(change.url(), allowPrivate, "webhook_url"),
                    List.of("*"),
                    "The merchant's webhook_url",
                    true,
                    now));
        } else {
            current.change(WebhookUrl.check(change.url(), allowPrivate, "webhook_url"), null, null, now);
        }
        changed.fire(new EndpointCache.Changed(change.merchantId()));
    }
}
