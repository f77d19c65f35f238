package dev.paygate.refunds.boundary;

import dev.paygate.access.boundary.Caller;
import dev.paygate.problems.ApiError;
import dev.paygate.problems.ApiResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A payment's refunds; a root resource of its own for the same reason as {@link RefundRequestResource}. */
@Path("payments/{id}/refunds")
@ApplicationScoped
@Tag(name = "refunds")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid request; `param` names the offending field",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "401", description = ApiResponses.UNAUTHORIZED,
        headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "429", description = ApiResponses.RATE_LIMITED,
        headers = {@Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "RateLimit-Limit", schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "RateLimit-Remaining", schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "RateLimit-Reset", schema = @Schema(type = SchemaType.INTEGER))},
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class PaymentRefundsResource {

    @Inject
    Refunds refunds;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listPaymentRefunds", summary = "A payment's refunds, oldest first")
    @APIResponse(responseCode = "200", description = "The refunds")
    public List<RefundResponse> refunds(@PathParam("id") String id) {
        return refunds.forPayment(caller.scope(), id);
    }
}
