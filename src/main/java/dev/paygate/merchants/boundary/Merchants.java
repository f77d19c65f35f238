package dev.paygate.merchants.boundary;

import dev.paygate.access.control.Credentials;
import dev.paygate.access.entity.ApiKey;
import dev.paygate.merchants.control.WebhookUrlChanged;
import dev.paygate.merchants.entity.Merchant;
import dev.paygate.platform.Ids;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.ResourceNotFound;
import dev.paygate.problems.StateConflict;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** The transactional facade of merchants and their keys, for the admin API. */
@Stateless
public class Merchants {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<WebhookUrlChanged> webhookUrlChanged;

    @Inject
    Credentials credentials;

    public Merchant create(MerchantRequest r) {
        String id = r.id() != null ? r.id() : Ids.next("merchant");
        if (em.find(Merchant.class, id) != null) {
            throw new StateConflict("merchant_exists", "A merchant with id '" + id + "' already exists.");
        }
        if (r.name() == null) {
            throw new InvalidRequest("parameter_missing", "name", "name is required");
        }
        Instant now = Instant.now();
        Merchant merchant = Merchant.create(id, r.name(), blankToNull(r.webhookUrl()), now);
        apply(merchant, r, now);
        em.persist(merchant);
        if (merchant.webhookUrl() != null) {
            webhookUrlChanged.fire(new WebhookUrlChanged(id, merchant.webhookUrl()));
        }
        return merchant;
    }

    public Merchant update(String id, MerchantRequest r) {
        if (r.id() != null && !r.id().equals(id)) {
            throw new InvalidRequest("parameter_invalid", "id", "A merchant's id cannot be changed.");
        }
        // Concurrent changes of one merchant take turns on its row instead of failing at commit.
        Merchant merchant = em.find(Merchant.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (merchant == null) {
            throw new ResourceNotFound("merchant", id);
        }
        Instant now = Instant.now();
        if (r.name() != null) {
            merchant.rename(r.name(), now);
        }
        if (r.webhookUrl() != null) {
            merchant.changeWebhookUrl(blankToNull(r.webhookUrl()), now);
            webhookUrlChanged.fire(new WebhookUrlChanged(id, merchant.webhookUrl()));
        }
        apply(merchant, r, now);
        return merchant;
    }

    private static void apply(Merchant merchant, MerchantRequest r, Instant now) {
        if (r.status() != null) {
            merchant.changeStatus(Merchant.Status.fromWire(r.status()).orElseThrow(), now);
        }
        if (r.readRateLimit() != null || r.writeRateLimit() != null) {
            merchant.limitRates(
                    override(r.readRateLimit(), merchant.readRateLimit()),
                    override(r.writeRateLimit(), merchant.writeRateLimit()),
                    now);
        }
    }

    /** Absent keeps the current override; 0 goes back to the gateway's default. */
    private static Integer override(Integer requested, Integer current) {
        if (requested == null) {
            return current;
        }
        return requested == 0 ? null : requested;
    }

    public Merchant find(String id) {
        Merchant merchant = em.find(Merchant.class, id);
        if (merchant == null) {
            throw new ResourceNotFound("merchant", id);
        }
        return merchant;
    }

    /** Merchants in id order; a page starts after the id given. */
    public List<Merchant> list(String startingAfter, int limit) {
        var query = em.createQuery(
                        "SELECT m FROM Merchant m" + (startingAfter == null ? "" : " WHERE m.id > :after")
                                + " ORDER BY m.id",
                        Merchant.class)
                .setMaxResults(limit);
        if (startingAfter != null) {
            query.setParameter("after", startingAfter);
        }
        return query.getResultList();
    }

    public ApiKey.Issued issueKey(String merchantId) {
        find(merchantId);
        ApiKey.Issued issued = ApiKey.issue(merchantId, Instant.now());
        em.persist(issued.key());
        return issued;
    }

    public List<ApiKey> keys(String merchantId) {
        find(merchantId);
        return em.createQuery(
                        "SELECT k FROM ApiKey k WHERE k.merchantId = :merchant ORDER BY k.createdAt, k.id",
                        ApiKey.class)
                .setParameter("merchant", merchantId)
                .getResultList();
    }

    public ApiKey revokeKey(String merchantId, String keyId) {
        ApiKey key = em.find(ApiKey.class, keyId, LockModeType.PESSIMISTIC_WRITE);
        if (key == null || !key.merchantId().equals(merchantId)) {
            throw new ResourceNotFound("API key", keyId);
        }
        key.revoke(Instant.now());
        return key;
    }

    /**
     * The demo merchant and its configured key, made once and kept: a restart with the same key
     * changes nothing, a new key is added beside the old ones. A transaction of its own, whatever
     * the caller's: an insert that loses to another instance's rolls back only this attempt, and
     * the caller can look again.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean ensureDemo(String merchantId, String secret) {
        if (em.find(Merchant.class, merchantId) == null) {
            em.persist(Merchant.create(merchantId, "Demo merchant", null, Instant.now()));
        }
        if (credentials.authenticate(secret).isPresent()) {
            return false;
        }
        em.persist(ApiKey.register(merchantId, secret, Instant.now()).key());
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
