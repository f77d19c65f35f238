package dev.paygate.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Starts processing only once the payment is committed, so the processor always finds it. */
@ApplicationScoped
public class ProcessingTrigger {

    @Inject
    PaymentProcessor processor;

    void onAccepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaymentAccepted event) {
        processor.process(event.paymentId());
    }
}
