package dev.paygate.payments.boundary;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a payment is cancelled or its authorisation voided; the body may be left out. */
@Schema(name = "CancelRequest")
public record CancelRequest(
        @Schema(
                name = "cancellation_reason",
                example = "requested_by_customer",
                enumeration = {"duplicate", "fraudulent", "requested_by_customer", "abandoned"})
        @Pattern(
                regexp = "duplicate|fraudulent|requested_by_customer|abandoned",
                message = "must be one of duplicate, fraudulent, requested_by_customer, abandoned")
        String cancellationReason) {

    /* Declared in full so the constraints are not copied to its parameters (see CreatePaymentRequest). */
    public CancelRequest(String cancellationReason) {
        this.cancellationReason = cancellationReason;
    }

    /** What an empty body asks for: a cancel without a reason. */
    public static final CancelRequest NO_REASON = new CancelRequest(null);
}
