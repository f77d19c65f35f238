package dev.paygate.access.control;

import dev.paygate.access.entity.ApiKey;
import dev.paygate.access.entity.Credential;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** What a presented secret key stands for, if it is one of the gateway's keys. */
@Stateless
public class Credentials {

    @PersistenceContext
    EntityManager em;

    /** One indexed look-up per request, with no cache, so that a revoked key fails at once. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Credential> authenticate(String secret) {
        return em
                .createQuery(
                        "SELECT NEW dev.paygate.access.entity.Credential(k.id, k.merchantId, k.revokedAt, "
                                + "h.status, h.readRateLimit, h.writeRateLimit) FROM ApiKey k, KeyHolder h "
                                + "WHERE h.id = k.merchantId AND k.secretHash = :hash",
                        Credential.class)
                .setParameter("hash", ApiKey.digest(secret))
                // A list, not a stream: the connection goes back at once, not when the persistence
                // context closes after this method (on Open Liberty, too late for its local transaction).
                .getResultList()
                .stream()
                .findFirst();
    }
}
