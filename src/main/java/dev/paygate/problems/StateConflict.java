package dev.paygate.problems;

/** The object exists, but its current state does not allow the operation. */
public class StateConflict extends GatewayException {

    public StateConflict(String code, String message) {
        super(ErrorType.CONFLICT, code, null, message);
    }
}
