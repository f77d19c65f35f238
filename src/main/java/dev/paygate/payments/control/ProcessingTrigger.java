package dev.paygate.payments.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Queues an accepted payment for the acquirer's pick-up only once the payment is committed, so the
 * processor always finds it. This runs on the request's thread before the answer is written, so it
 * adds to the clock's steps directly rather than through a call to an EJB.
 */
@ApplicationScoped
public class ProcessingTrigger {

    @Inject
    AcquirerClock clock;

    @Inject
    @ConfigProperty(name = PaymentProcessor.QUEUE_DELAY_MS, defaultValue = PaymentProcessor.QUEUE_DELAY_MS_DEFAULT)
    long queueDelayMs;

    private DueBatches<AcquirerStep> steps;

    @PostConstruct
    void init() {
        steps = clock.steps();
    }

    void onAccepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaymentAccepted event) {
        steps.add(AcquirerStep.pickUp(event.paymentId()), queueDelayMs);
    }
}
