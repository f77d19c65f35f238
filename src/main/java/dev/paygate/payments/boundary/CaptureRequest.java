package dev.paygate.payments.boundary;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A capture of an authorised payment; the body may be left out to take all of it. */
@Schema(name = "CaptureRequest")
public record CaptureRequest(
        @Schema(example = "60.00", description = "Omit to capture everything authorised; the rest is released")
        @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "99999999.99", message = "must be at most 99999999.99")
        BigDecimal amount) {

    /* Declared in full so the constraints are not copied to its parameters (see CreatePaymentRequest). */
    public CaptureRequest(BigDecimal amount) {
        this.amount = amount;
    }

    /** What an empty body asks for: everything authorised. */
    public static final CaptureRequest EVERYTHING = new CaptureRequest(null);
}
