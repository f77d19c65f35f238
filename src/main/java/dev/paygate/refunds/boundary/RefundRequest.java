package dev.paygate.refunds.boundary;

import dev.paygate.platform.NoCardNumber;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A refund request; both fields are optional, and so is the whole body. */
@Schema(name = "RefundRequest")
public record RefundRequest(
        @Schema(example = "25.00", description = "Omit to refund everything that is left")
        @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "99999999.99", message = "must be at most 99999999.99")
        BigDecimal amount,

        @Schema(example = "requested_by_customer") @Size(max = 500) @NoCardNumber
        String reason) {

    /* Declared in full so the constraints are not copied to its parameters (see CreatePaymentRequest). */
    public RefundRequest(BigDecimal amount, String reason) {
        this.amount = amount;
        this.reason = reason;
    }

    /** What an empty body asks for: everything that is left. */
    public static final RefundRequest EVERYTHING = new RefundRequest(null, null);
}
