package dev.paygate.payments.control;

import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentMethod;
import dev.paygate.payments.entity.PaymentStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The emulated acquirer. An accepted payment waits in the acquirer's queue (pending) for the queue
 * delay, is then processing for the processing delay (a bank transfer: until it clears), and gets
 * its answer. The answer is due the
 * two delays after the payment was created (the queue delay runs from the hand-off that follows
 * the accepting commit), so the time the pick-up itself takes does not add to them. The waits are
 * the {@link AcquirerClock}'s, not sleeping threads, so any number of payments can be in flight;
 * EJB timers are not used because their granularity on Payara is a whole second. The clock hands
 * the steps that are due over in batches, and each batch is one transaction. Each step is
 * idempotent: it acts only on the status it expects, so running one twice changes nothing.
 */
@Stateless
public class PaymentProcessor {

    private static final Logger LOG = Logger.getLogger(PaymentProcessor.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AcquirerClock clock;

    @Inject
    PaymentTransitions transitions;

    @Resource
    SessionContext context;

    /** How long an accepted payment waits before the pick-up; {@link ProcessingTrigger} reads it too. */
    static final String QUEUE_DELAY_MS = "paygate.processing.queue.delay.ms";

    static final String QUEUE_DELAY_MS_DEFAULT = "0";

    @Inject
    @ConfigProperty(name = QUEUE_DELAY_MS, defaultValue = QUEUE_DELAY_MS_DEFAULT)
    long queueDelayMs;

    @Inject
    @ConfigProperty(name = "paygate.processing.delay.ms", defaultValue = "300")
    long processingDelayMs;

    /** How long a bank transfer stays processing before it clears (realistic values are days). */
    static final String CLEARING_MS = "paygate.bank.transfer.clearing.ms";

    static final String CLEARING_MS_DEFAULT = "5000";

    @Inject
    @ConfigProperty(name = CLEARING_MS, defaultValue = CLEARING_MS_DEFAULT)
    long clearingMs;

    /** How long a payment of {@code method} takes from accepted to answered when nothing goes wrong. */
    public Duration expectedDuration(PaymentMethod method) {
        return Duration.ofMillis(queueDelayMs + answerDelayMs(method));
    }

    /** How long a payment is processing: a bank transfer until it clears, any other the processing delay. */
    private long answerDelayMs(PaymentMethod method) {
        return method == PaymentMethod.BANK_TRANSFER ? clearingMs : processingDelayMs;
    }

    /**
     * Picks a payment up again where it stopped, as after a restart or for an instance that died.
     * Its next step comes when it was due anyway, counted from its creation like every step (the
     * pick-up the queue delay after it, the answer the two delays after), so at once when that time
     * has passed: a payment taken over late is not made to wait its delays a second time.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void resume(String paymentId, PaymentStatus status, Instant createdAt, PaymentMethod method) {
        if (status == PaymentStatus.PENDING) {
            clock.steps().add(AcquirerStep.pickUp(paymentId), millisUntil(createdAt.plusMillis(queueDelayMs)));
        } else if (status == PaymentStatus.PROCESSING) {
            clock.steps().add(AcquirerStep.answer(paymentId), millisUntil(createdAt.plus(expectedDuration(method))));
        }
    }

    /**
     * Takes a batch of due steps, on the asynchronous pool: one transaction for all of them, and if
     * that fails, one for each, so that one payment's failure holds back no other. Once committed,
     * the answers to the payments it picked up are added to the clock's steps, and it tells them
     * when it is done.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void advance(List<AcquirerStep> steps, DueBatches<AcquirerStep> clockSteps) {
        try {
            PaymentProcessor self = context.getBusinessObject(PaymentProcessor.class);
            List<ScheduledAnswer> answers;
            try {
                answers = self.advanceInOneTransaction(steps);
            } catch (RuntimeException e) {
                answers = steps.size() == 1 ? failed(steps.get(0), e) : eachAlone(self, steps);
            }
            answers.forEach(
                    answer -> clockSteps.add(AcquirerStep.answer(answer.paymentId()), millisUntil(answer.due())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Acquirer steps failed: " + steps);
        } finally {
            clockSteps.done();
        }
    }

    private static List<ScheduledAnswer> eachAlone(PaymentProcessor self, List<AcquirerStep> steps) {
        List<ScheduledAnswer> answers = new ArrayList<>();
        for (AcquirerStep step : steps) {
            try {
                answers.addAll(self.advanceInOneTransaction(List.of(step)));
            } catch (RuntimeException e) {
                failed(step, e);
            }
        }
        return answers;
    }

    private static List<ScheduledAnswer> failed(AcquirerStep step, RuntimeException e) {
        LOG.log(Level.WARNING, e, () -> "Acquirer step failed: " + step);
        return List.of();
    }

    /** An answer due at a time, for a payment just picked up. */
    public record ScheduledAnswer(String paymentId, Instant due) {}

    /**
     * Runs {@code steps} in one transaction, each on its payment, locked; the payments are locked
     * in the order of their ids, so that two batches never wait on each other in a circle. Returns
     * the answers that are now due later, for the payments it moved to processing.
     */
    public List<ScheduledAnswer> advanceInOneTransaction(List<AcquirerStep> steps) {
        Map<String, Payment> payments = lockAll(
                steps.stream().map(AcquirerStep::paymentId).distinct().sorted().toList());
        Instant now = Instant.now();
        List<ScheduledAnswer> later = new ArrayList<>();
        for (AcquirerStep step : steps) {
            Payment payment = payments.get(step.paymentId());
            if (payment == null) {
                continue;
            }
            if (step.kind() == AcquirerStep.Kind.PICK_UP && payment.status() == PaymentStatus.PENDING) {
                transitions.startProcessing(payment, now);
                if (answerDelayMs(payment.paymentMethod()) > 0) {
                    later.add(new ScheduledAnswer(
                            payment.id(), payment.createdAt().plus(expectedDuration(payment.paymentMethod()))));
                } else {
                    transitions.settle(payment, now);
                }
            } else if (step.kind() == AcquirerStep.Kind.ANSWER && payment.status() == PaymentStatus.PROCESSING) {
                transitions.settle(payment, now);
            }
        }
        return later;
    }

    private Map<String, Payment> lockAll(List<String> ids) {
        if (ids.size() == 1) { // the common case under light load: a look-up by id is cheaper than a query
            Payment payment = em.find(Payment.class, ids.get(0), LockModeType.PESSIMISTIC_WRITE);
            return payment == null ? Map.of() : Map.of(payment.id(), payment);
        }
        return em.createQuery("SELECT p FROM Payment p WHERE p.id IN :ids ORDER BY p.id", Payment.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .collect(Collectors.toMap(Payment::id, Function.identity()));
    }

    /** Whole milliseconds from now until {@code due}, rounded up so a step never runs early; 0 when past. */
    static long millisUntil(Instant due) {
        long nanos = Duration.between(Instant.now(), due).toNanos();
        return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
    }
}
