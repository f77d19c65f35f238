package dev.paygate.settlement.boundary;

import dev.paygate.access.boundary.AdminOnly;
import dev.paygate.problems.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A merchant's fee plan, for the operator. */
@Path("admin/merchants/{id}/fee_plan")
@ApplicationScoped
@AdminOnly
@Tag(name = "admin")
@SecurityRequirement(name = "admin_token")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
        responseCode = "200",
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = FeePlanResponse.class)))
@APIResponse(
        responseCode = "404",
        description = "No such merchant",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class FeePlanResource {

    @Inject
    FeePlans plans;

    @GET
    @Operation(operationId = "getFeePlan", summary = "A merchant's fee plan")
    public FeePlanResponse get(@PathParam("id") String merchantId) {
        return plans.of(merchantId);
    }

    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "setFeeRule",
            summary = "Set one rule of a merchant's fee plan",
            description = "Replaces the merchant's rule for the same payment method and currency. It prices what is"
                    + " settled from then on; settled items keep the rule they were priced by.")
    public FeePlanResponse set(
            @PathParam("id") String merchantId,
            @Valid @NotNull(message = "the request needs a JSON body") FeeRuleRequest request) {
        return plans.set(merchantId, request);
    }

    @DELETE
    @Operation(operationId = "resetFeePlan", summary = "Return a merchant to the default fee plan")
    public FeePlanResponse reset(@PathParam("id") String merchantId) {
        return plans.reset(merchantId);
    }
}
