package dev.paygate.settlement.control;

import dev.paygate.settlement.entity.FeeRule;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The merchants' fee plans: a merchant's own rules, or the default plan when it has none. */
@Dependent
public class FeeRules {

    @PersistenceContext
    EntityManager em;

    /** The merchant's own rules; empty when it pays the default plan. */
    public List<FeeRule> ownOf(String merchantId) {
        return em.createQuery(
                        "SELECT f FROM FeeRule f WHERE f.merchantId = :merchant"
                                + " ORDER BY f.paymentMethod, f.currency",
                        FeeRule.class)
                .setParameter("merchant", merchantId)
                .getResultList();
    }

    /** The rules the merchant's captures are priced by. */
    public List<FeeRule> planOf(String merchantId) {
        List<FeeRule> own = ownOf(merchantId);
        return own.isEmpty() ? FeeRule.DEFAULTS : own;
    }

    /** Replaces the merchant's plan; an empty list returns it to the default plan. */
    public void replace(String merchantId, List<FeeRule> rules) {
        em.createQuery("DELETE FROM FeeRule f WHERE f.merchantId = :merchant")
                .setParameter("merchant", merchantId)
                .executeUpdate();
        rules.forEach(em::persist);
    }
}
