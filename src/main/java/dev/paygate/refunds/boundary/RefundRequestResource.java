package dev.paygate.refunds.boundary;

import dev.paygate.access.boundary.Caller;
import dev.paygate.idempotency.boundary.IdempotencyFilter;
import dev.paygate.platform.JsonRequests;
import dev.paygate.problems.ApiError;
import dev.paygate.problems.ApiResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Refunding a payment. A root resource of its own, under the payment's path: its longer literal
 * path is matched before the payments resource's, on every server.
 */
@Path("payments/{id}/refund")
@ApplicationScoped
@Tag(name = "refunds")
@Produces(MediaType.APPLICATION_JSON)
public class RefundRequestResource {

    @Inject
    Refunds refunds;

    @Inject
    Caller caller;

    @POST
    @Operation(
            operationId = "refundPayment",
            summary = "Refund a completed payment, fully or partly",
            description =
                    "Without an amount, refunds everything that is left. Accepted as `pending`; settled asynchronously.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RefundRequest.class)))
    @APIResponse(
            responseCode = "202",
            description = "Accepted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RefundResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "The payment is not completed; or its Idempotency-Key is in use",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(
            responseCode = "503",
            description = "The message broker is unreachable (`api_error`, broker_unavailable); "
                    + "nothing was changed; retry after `Retry-After` seconds",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response refund(
            @PathParam("id") String id,
            @Parameter(hidden = true) @HeaderParam("Content-Type") String contentType,
            @Parameter(description = ApiResponses.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyFilter.HEADER)
                    String idempotencyKey,
            @Parameter(hidden = true) byte[] body) {
        return refunds.request(
                caller.scope(),
                id,
                JsonRequests.optional(contentType, body, RefundRequest.class, RefundRequest.EVERYTHING));
    }
}
