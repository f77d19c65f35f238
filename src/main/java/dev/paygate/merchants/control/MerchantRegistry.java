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
 * With authentication off, a merchant exists once a payment names it: the first payment registers
 * it in a transaction of its own, committed before the payment is written, so that the payment's
 * foreign key finds it on every database. The payment's transaction has not used a connection yet
 * at that point, so a burst of first payments never waits for a second one. When two race, one
 * insert loses on the primary key and the merchant simply exists.
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

    /** Call before the current transaction touches the database. */
    public void ensureRegistered(String merchantId) {
        if (KNOWN.contains(merchantId)) {
            return;
        }
        try {
            self.register(merchantId);
        } catch (EJBException lostRace) {
            if (em.find(Merchant.class, merchantId) == null) {
                throw lostRace;
            }
        }
        if (KNOWN.size() >= KNOWN_LIMIT) {
            KNOWN.clear(); // a cache, not a registry: forgetting only costs a look-up
        }
        KNOWN.add(merchantId);
    }

    /** The name a customer sees for the merchant, as on a hosted payment page; its id when it has no name. */
    public String displayName(String merchantId) {
        Merchant merchant = em.find(Merchant.class, merchantId);
        return merchant == null || merchant.name() == null || merchant.name().isBlank() ? merchantId : merchant.name();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void register(String merchantId) {
        if (em.find(Merchant.class, merchantId) == null) {
            em.persist(Merchant.create(merchantId, merchantId, null, Instant.now()));
        }
    }
}
