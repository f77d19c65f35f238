package dev.paygate.events.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each merchant's endpoints (id and event patterns), as the outbox needs them for every change:
 * looked up in the database at most once per {@code paygate.webhook.endpoint.cache.ms} (1 s).
 * The look-up cost a payment about a tenth of its creates/s. A change to an endpoint made on this
 * instance takes effect at once, once committed; one made on another instance on the same
 * database, within that time.
 */
@ApplicationScoped
public class EndpointCache {

    /** One of a merchant's endpoints changed; fired in the changing transaction. */
    public record Changed(String merchantId) {}

    private record Entry(List<Object[]> endpoints, long loadedAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "paygate.webhook.endpoint.cache.ms", defaultValue = "1000")
    long maxAgeMs;

    List<Object[]> endpointsOf(String merchantId, Function<String, List<Object[]>> lookUp) {
        long now = System.nanoTime();
        Entry entry = entries.get(merchantId);
        if (entry == null || now - entry.loadedAt() > maxAgeMs * 1_000_000L) {
            entry = new Entry(lookUp.apply(merchantId), now);
            entries.put(merchantId, entry);
        }
        return entry.endpoints();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) Changed change) {
        entries.remove(change.merchantId());
    }
}
