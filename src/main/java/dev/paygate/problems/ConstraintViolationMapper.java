package dev.paygate.problems;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Bean Validation failures on request records: 400, naming every offending parameter. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        return Responses.of(400, InvalidRequest.of(errors(e)).toApiError());
    }

    /** The violations as the client's error, for code that validates by hand inside a transaction. */
    public static InvalidRequest invalid(Set<? extends ConstraintViolation<?>> violations) {
        return InvalidRequest.of(errors(violations));
    }

    static List<FieldError> errors(ConstraintViolationException e) {
        return errors(e.getConstraintViolations());
    }

    private static List<FieldError> errors(Set<? extends ConstraintViolation<?>> violations) {
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(param(v), code(v), message(v)))
                .distinct()
                .sorted(Comparator.comparing(FieldError::param).thenComparing(FieldError::code))
                .toList();
        return errors.isEmpty()
                ? List.of(new FieldError("body", "parameter_invalid", "The request is invalid."))
                : errors;
    }

    /** The last node of the path, in the wire's snake_case: {@code create.arg0.cardNumber} is card_number. */
    static String param(ConstraintViolation<?> v) {
        String name = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name == null ? "body" : WireNames.snake(name);
    }

    private static String code(ConstraintViolation<?> v) {
        String constraint =
                v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "parameter_missing";
            default ->
                v.getMessage().startsWith("code:")
                        ? v.getMessage().substring(5, v.getMessage().indexOf(' '))
                        : "parameter_invalid";
        };
    }

    private static String message(ConstraintViolation<?> v) {
        String m = v.getMessage();
        if (m.startsWith("code:")) {
            m = m.substring(m.indexOf(' ') + 1);
        }
        return param(v) + " " + m;
    }
}
