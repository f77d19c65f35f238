package dev.paygate.idempotency.boundary;

import jakarta.enterprise.context.RequestScoped;

/** The idempotency key the current request holds, and the status of the answer stored for it, if any. */
@RequestScoped
public class IdempotencyClaim {

    private String id;
    private int storedStatus;

    void hold(String id) {
        this.id = id;
    }

    void stored(int status) {
        this.storedStatus = status;
    }

    String id() {
        return id;
    }

    /** Whether the answer being sent is the one already stored with the request's effects. */
    boolean storedAs(int status) {
        return storedStatus == status;
    }
}
