package dev.paygate.problems;

import java.util.List;

/** A request that cannot be accepted as sent: malformed, unknown or invalid parameters. */
public class InvalidRequest extends GatewayException {

    private final List<FieldError> errors;

    public InvalidRequest(String code, String param, String message) {
        this(List.of(new FieldError(param, code, message)), code, param, message);
    }

    /** The body as a whole is at fault: malformed, empty, or not an object. */
    public InvalidRequest(String code, String message) {
        this(List.of(new FieldError("body", code, message)), code, "body", message);
    }

    private InvalidRequest(List<FieldError> errors, String code, String param, String message) {
        super(ErrorType.INVALID_REQUEST_ERROR, code, param, message);
        this.errors = errors;
    }

    /** Several offending parameters at once; the first one names the error. */
    public static InvalidRequest of(List<FieldError> errors) {
        FieldError first = errors.get(0);
        String message = errors.size() == 1
                ? first.message()
                : first.message() + " (and " + (errors.size() - 1) + " more invalid parameters)";
        return new InvalidRequest(List.copyOf(errors), first.code(), first.param(), message);
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }
}
