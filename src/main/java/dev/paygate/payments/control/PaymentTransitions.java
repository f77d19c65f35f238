package dev.paygate.payments.control;

import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentStatus;
import dev.paygate.payments.entity.PaymentTransaction;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way a payment changes: the payment refuses a move its status does not allow
 * ({@link PaymentStatus#canMoveTo}), and each step that it allows writes its transaction row and,
 * when the status moved, one {@link PaymentChanged}, in the caller's transaction. A plain CDI bean,
 * not an EJB: it always runs inside a facade's or processor's transaction, and the create path
 * pays for no extra container call.
 */
@Dependent
public class PaymentTransitions {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<PaymentChanged> changed;

    /** How long an authorisation may wait for its capture: 7 days, as card networks commonly allow. */
    @Inject
    @ConfigProperty(name = "paygate.authorization.validity.seconds", defaultValue = "604800")
    long authorizationValiditySeconds;

    /** How long the hosted page waits for the customer before the payment fails as authentication_timeout. */
    @Inject
    @ConfigProperty(name = "paygate.authentication.timeout.seconds", defaultValue = "900")
    long authenticationTimeoutSeconds;

    /** A new payment, pending, with its first charge. */
    public void accept(Payment payment) {
        em.persist(payment);
        em.persist(payment.acceptedCharge());
        changed.fire(PaymentChanged.of(payment, null, payment.createdAt()));
    }

    public void startProcessing(Payment payment, Instant now) {
        apply(payment, p -> p.startProcessing(now));
    }

    /**
     * The acquirer's answer: requires_action while the customer has still to authenticate or
     * approve; else completed, authorised or failed, as the scenario and capture method decide.
     */
    public void settle(Payment payment, Instant now) {
        apply(payment, p -> answer(p, now));
    }

    private PaymentTransaction answer(Payment payment, Instant now) {
        return payment.settle(
                now,
                Duration.ofSeconds(authorizationValiditySeconds),
                Duration.ofSeconds(authenticationTimeoutSeconds));
    }

    /**
     * The customer's answer: refused, the payment fails; authenticated, the acquirer answers at
     * once, so the customer's browser goes back to the merchant with the payment's final status.
     * Both steps are one change to the merchant: one event, whose previous_attributes are those
     * from before the answer.
     */
    public void authenticate(Payment payment, boolean succeeded, Instant now) {
        Payment.Seen before = payment.seen();
        em.persist(payment.authenticate(succeeded, now));
        if (succeeded) {
            em.persist(answer(payment, now));
        }
        announce(payment, before);
    }

    public void expireAction(Payment payment, Instant now) {
        apply(payment, p -> p.expireAction(now));
    }

    public void capture(Payment payment, BigDecimal amount, Instant now) {
        apply(payment, p -> p.capture(amount, now));
    }

    public void cancel(Payment payment, String reason, Instant now) {
        apply(payment, p -> p.cancel(reason, now));
    }

    public void expire(Payment payment, Instant now) {
        apply(payment, p -> p.expire(now));
    }

    /** A refund the acquirer accepted; only the one that refunds the whole payment changes its status. */
    public void refund(Payment payment, BigDecimal amount, Instant now) {
        apply(payment, p -> p.applyRefund(amount, now));
    }

    /** A refund the acquirer refused; the payment's status does not move. */
    public void refundRefused(Payment payment, BigDecimal amount, String reason, Instant now) {
        apply(payment, p -> p.refundRefused(amount, reason, now));
    }

    private void apply(Payment payment, Function<Payment, PaymentTransaction> step) {
        Payment.Seen before = payment.seen();
        em.persist(step.apply(payment));
        announce(payment, before);
    }

    private void announce(Payment payment, Payment.Seen before) {
        if (payment.status() != before.status()) {
            changed.fire(PaymentChanged.of(payment, before, payment.updatedAt()));
        }
    }
}
