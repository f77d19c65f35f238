package dev.paygate.refunds.boundary;

import dev.paygate.access.boundary.Caller;
import dev.paygate.problems.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("refunds")
@ApplicationScoped
@Tag(name = "refunds")
@Produces(MediaType.APPLICATION_JSON)
public class RefundsResource {

    @Inject
    Refunds refunds;

    @Inject
    Caller caller;

    @GET
    @Path("{id}")
    @Operation(operationId = "getRefund", summary = "Retrieve a refund")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RefundResponse.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such refund",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public RefundResponse get(@PathParam("id") String id) {
        return refunds.find(caller.scope(), id);
    }
}
