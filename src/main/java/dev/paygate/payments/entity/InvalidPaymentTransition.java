package dev.paygate.payments.entity;

import dev.paygate.problems.StateConflict;

/** The payment's status does not allow the requested move. */
public class InvalidPaymentTransition extends StateConflict {

    public InvalidPaymentTransition(String paymentId, PaymentStatus from, String action) {
        super(
                "payment_invalid_state",
                "Payment " + paymentId + " is " + from.wire() + " and cannot be " + action + ".");
    }
}
