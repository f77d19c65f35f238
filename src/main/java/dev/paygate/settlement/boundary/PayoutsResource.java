package dev.paygate.settlement.boundary;

import dev.paygate.access.boundary.Caller;
import dev.paygate.platform.PageSize;
import dev.paygate.problems.ApiError;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.ResourceNotFound;
import dev.paygate.settlement.entity.Payout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A merchant's payouts: one per settlement whose net is positive. */
@Path("payouts")
@ApplicationScoped
@Tag(name = "settlements")
@Produces(MediaType.APPLICATION_JSON)
public class PayoutsResource {

    @Schema(name = "PayoutList")
    public record Page(
            List<PayoutResponse> data,
            @Schema(name = "has_more") boolean hasMore) {}

    @Inject
    Settlements settlements;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listPayouts", summary = "List a merchant's payouts, newest first")
    @APIResponse(
            responseCode = "200",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)))
    public Page list(
            @Parameter(description = "Optional: the key's merchant") @QueryParam("merchant_id") String merchantId,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "A payout id: the page starts after it") @QueryParam("starting_after")
                    String startingAfter) {
        String merchant = caller.merchantFor(merchantId, "merchant_id");
        int size = PageSize.parse(limit);
        Payout after = null;
        if (startingAfter != null) {
            try {
                after = settlements.payout(merchant, startingAfter);
            } catch (ResourceNotFound e) {
                throw new InvalidRequest(
                        "parameter_invalid",
                        "starting_after",
                        "starting_after must be the id of one of merchant " + merchant + "'s payouts");
            }
        }
        List<Payout> page = settlements.payouts(merchant, after, size + 1);
        return new Page(page.stream().limit(size).map(PayoutResponse::from).toList(), page.size() > size);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPayout", summary = "Retrieve a payout")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PayoutResponse.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such payout (another merchant's is answered so too)",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public PayoutResponse get(@PathParam("id") String id) {
        return PayoutResponse.from(settlements.payout(caller.scope(), id));
    }
}
