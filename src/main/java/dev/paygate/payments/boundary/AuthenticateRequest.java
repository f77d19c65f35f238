package dev.paygate.payments.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The customer's answer to a payment waiting for them, as the hosted page's buttons give it. */
@Schema(name = "AuthenticateRequest")
public record AuthenticateRequest(
        @Schema(
                required = true,
                example = "success",
                enumeration = {"success", "failure"},
                description = "success completes 3-D Secure or approves at PayPal; failure fails or cancels it")
        @NotNull
        @Pattern(regexp = "success|failure", message = "must be one of success, failure")
        String result) {

    /* Declared in full so the constraints are not copied to its parameters (see CreatePaymentRequest). */
    public AuthenticateRequest(String result) {
        this.result = result;
    }

    public boolean succeeded() {
        return "success".equals(result);
    }
}
