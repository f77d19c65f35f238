package dev.paygate.merchants.control;

import dev.paygate.merchants.entity.Merchant;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers a merchant the first time a payment names it, so that every payment belongs to a
 * merchant row. The row is written in a transaction of its own: when two first payments of one
 * merchant race, one insert loses on the primary key and the merchant simply exists.
 */
@Stateless
public class MerchantRegistry {

    /** Merchants known to exist, so that only a merchant's first payment looks it up. */
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static final int KNOWN_LIMIT = 10_000;

    @PersistenceContext
    EntityManager em;

    @EJB
    MerchantRegistry self;

    public void ensureRegistered(String merchantId) {
        if (KNOWN.contains(merchantId)) {
            return;
        }
        if (em.find(Merchant.class, merchantId) == null) {
            try {
                self.register(merchantId);
            } catch (EJBException lostRace) {
                if (em.find(Merchant.class, merchantId) == null) {
                    throw lostRace;
                }
            }
        }
        if (KNOWN.size() >= KNOWN_LIMIT) {
            KNOWN.clear(); // a cache, not a registry: forgetting only costs a look-up
        }
        KNOWN.add(merchantId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void register(String merchantId) {
        em.persist(Merchant.register(merchantId, Instant.now()));
    }
}
