package dev.paygate.problems;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One offending request parameter, named as it is on the wire. */
@JsonbPropertyOrder({"param", "code", "message"})
public record FieldError(
        @Schema(example = "card_number") String param,
        @Schema(example = "parameter_invalid") String code,

        @Schema(example = "card_number fails the Luhn check")
        String message) {}
