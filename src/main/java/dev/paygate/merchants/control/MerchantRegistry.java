package dev.paygate.merchants.control;

import dev.paygate.merchants.entity.Merchant;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * With authentication off, a merchant exists once a payment names it: the first payment registers
 * it, in the payment's own transaction. When first payments of one merchant race, the database lets
 * one insert through and the others do nothing; none needs a second connection, so a burst of them
 * cannot exhaust the pool waiting for one.
 */
@Stateless
public class MerchantRegistry {

    /** Merchants known to exist, so that only a merchant's first payment looks it up. */
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static final int KNOWN_LIMIT = 10_000;

    @PersistenceContext
    EntityManager em;

    public void ensureRegistered(String merchantId) {
        if (KNOWN.contains(merchantId)) {
            return;
        }
        if (em.find(Merchant.class, merchantId) == null) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            em.createNativeQuery("INSERT INTO merchants (id, name, status, created_at, updated_at, version) "
                    + "VALUES (?1, ?2, ?3, ?4, ?5, 0) ON CONFLICT DO NOTHING")
                    .setParameter(1, merchantId)
                    .setParameter(2, merchantId)
                    .setParameter(3, Merchant.Status.ACTIVE.name())
                    .setParameter(4, now)
                    .setParameter(5, now)
                    .executeUpdate();
        }
        if (KNOWN.size() >= KNOWN_LIMIT) {
            KNOWN.clear(); // a cache, not a registry: forgetting only costs a look-up
        }
        KNOWN.add(merchantId);
    }
}
