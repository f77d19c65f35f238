package dev.paygate.idempotency.control;

import dev.paygate.idempotency.entity.IdempotentRequest;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Claims, completes and forgets idempotency keys. The unique constraint on (scope, key) decides
 * which of several concurrent requests runs: the others find its row.
 */
@Stateless
public class IdempotencyKeys {

    private static final int ATTEMPTS = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "paygate.idempotency.retention.hours", defaultValue = "24")
    long retentionHours;

    @Inject
    @ConfigProperty(name = "paygate.idempotency.lock.timeout.seconds", defaultValue = "60")
    long lockTimeoutSeconds;

    /** Committed on its own, before the request runs, so that concurrent requests see the claim. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Claim claim(String scope, String key, String fingerprint) {
        Instant now = Instant.now();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            IdempotentRequest fresh =
                    IdempotentRequest.start(scope, key, fingerprint, now, Duration.ofHours(retentionHours));
            if (insertUnlessTaken(fresh)) {
                return new Claim.Granted(fresh.id());
            }
            IdempotentRequest existing = find(scope, key);
            if (existing == null) {
                continue; // released between the insert and the look-up
            }
            if (existing.reusable(now, Duration.ofSeconds(lockTimeoutSeconds))) {
                em.createQuery("DELETE FROM IdempotentRequest r WHERE r.id = :id")
                        .setParameter("id", existing.id())
                        .executeUpdate();
                continue;
            }
            if (!existing.sameRequest(fingerprint)) {
                return new Claim.Reused();
            }
            if (!existing.completed()) {
                return new Claim.InUse();
            }
            return new Claim.Replay(existing.responseStatus(), existing.responseBody(), existing.responseLocation());
        }
        return new Claim.InUse();
    }

    private boolean insertUnlessTaken(IdempotentRequest r) {
        return em.createNativeQuery("INSERT INTO idempotency_keys (id, scope, idempotency_key, fingerprint, status, "
                                + "created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING")
                        .setParameter(1, r.id())
                        .setParameter(2, r.scope())
                        .setParameter(3, r.key())
                        .setParameter(4, r.fingerprint())
                        .setParameter(5, IdempotentRequest.Status.IN_PROGRESS.name())
                        .setParameter(6, r.createdAt())
                        .setParameter(7, r.expiresAt())
                        .executeUpdate()
                == 1;
    }

    private IdempotentRequest find(String scope, String key) {
        return em.createQuery(
                        "SELECT r FROM IdempotentRequest r WHERE r.scope = :scope AND r.key = :key",
                        IdempotentRequest.class)
                .setParameter("scope", scope)
                .setParameter("key", key)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** Stores the answer; inside the request's own transaction when it succeeded, so both commit or neither. */
    public void complete(String id, int status, String body, String location) {
        IdempotentRequest request = em.find(IdempotentRequest.class, id);
        if (request != null) {
            request.complete(status, body, location);
        }
    }

    /** The request was refused before it ran (invalid, say): nothing is kept, the key may be used again. */
    public void release(String id) {
        em.createQuery("DELETE FROM IdempotentRequest r WHERE r.id = :id AND r.status = :running")
                .setParameter("id", id)
                .setParameter("running", IdempotentRequest.Status.IN_PROGRESS)
                .executeUpdate();
    }

    /** Deletes up to {@code batch} expired keys in a transaction of its own; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeExpired(Instant now, int batch) {
        List<String> ids = em.createQuery(
                        "SELECT r.id FROM IdempotentRequest r WHERE r.expiresAt <= :now", String.class)
                .setParameter("now", now)
                .setMaxResults(batch)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM IdempotentRequest r WHERE r.id IN :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
