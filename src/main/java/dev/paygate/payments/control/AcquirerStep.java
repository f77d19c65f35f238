package dev.paygate.payments.control;

/** One step of the acquirer's for one payment: picking it up, or answering it. */
public record AcquirerStep(String paymentId, Kind kind) {

    public enum Kind {
        PICK_UP,
        ANSWER
    }

    static AcquirerStep pickUp(String paymentId) {
        return new AcquirerStep(paymentId, Kind.PICK_UP);
    }

    static AcquirerStep answer(String paymentId) {
        return new AcquirerStep(paymentId, Kind.ANSWER);
    }
}
