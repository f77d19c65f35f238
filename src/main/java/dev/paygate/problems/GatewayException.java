package dev.paygate.problems;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A broken business rule. Subclasses are named after the rule; they roll the transaction back and
 * reach the client unwrapped, as one JSON error.
 */
@ApplicationException(rollback = true)
public abstract class GatewayException extends RuntimeException {

    private final ErrorType type;
    private final String code;
    private final String param;

    protected GatewayException(ErrorType type, String code, String param, String message) {
        super(message);
        this.type = type;
        this.code = code;
        this.param = param;
    }

    public ErrorType type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    public List<FieldError> errors() {
        return param == null ? List.of() : List.of(new FieldError(param, code, getMessage()));
    }

    public ApiError toApiError() {
        return ApiError.of(type, code, getMessage(), param, errors());
    }
}
