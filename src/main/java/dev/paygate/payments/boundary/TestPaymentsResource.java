package dev.paygate.payments.boundary;

import dev.paygate.access.boundary.Caller;
import dev.paygate.idempotency.boundary.IdempotencyFilter;
import dev.paygate.problems.ApiError;
import dev.paygate.problems.ApiResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the hosted page's buttons do, for tests that run without a browser: the merchant answers
 * for its customer with its own key.
 */
@Path("test/payments")
@ApplicationScoped
@Tag(name = "testing")
@Produces(MediaType.APPLICATION_JSON)
public class TestPaymentsResource {

    @Inject
    Payments payments;

    @Inject
    Caller caller;

    @POST
    @Path("{id}/authenticate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "authenticateTestPayment",
            summary = "Answer for the customer of a payment that requires_action",
            description = "`success` completes 3-D Secure or approves at PayPal, and the payment gets the acquirer's"
                    + " answer at once; `failure` fails it (`authentication_failed`, or `approval_cancelled` for"
                    + " PayPal).")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "The payment does not require action (it names its status)",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public PaymentResponse authenticate(
            @PathParam("id") String id,
            @Valid @NotNull(message = "the request needs a JSON body") AuthenticateRequest request,
            @Parameter(description = ApiResponses.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyFilter.HEADER)
                    String idempotencyKey) {
        return payments.authenticate(caller.scope(), id, request.succeeded());
    }
}
