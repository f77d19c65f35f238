package dev.paygate.problems;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one error shape of the API: {@code {"error": {...}}}. */
@Schema(name = ApiError.SCHEMA)
public record ApiError(Body error) {

    /**
     * Its name among the OpenAPI document's schemas. The shared error answers refer to it by this
     * name: Payara Micro renders a schema given by class inside a component as an empty object.
     */
    public static final String SCHEMA = "Error";

    @Schema(name = "ErrorBody")
    @JsonbPropertyOrder({"type", "code", "message", "param", "errors"})
    public record Body(
            @Schema(example = "invalid_request_error") String type,
            @Schema(example = "parameter_invalid") String code,

            @Schema(example = "amount must be greater than 0")
            String message,

            @Schema(example = "amount", nullable = true) String param,
            List<FieldError> errors) {}

    public static ApiError of(ErrorType type, String code, String message, String param, List<FieldError> errors) {
        return new ApiError(new Body(type.wire(), code, message, param, List.copyOf(errors)));
    }

    public static ApiError of(ErrorType type, String code, String message) {
        return of(type, code, message, null, List.of());
    }
}
