package dev.paygate.settlement.boundary;

import dev.paygate.access.boundary.Caller;
import dev.paygate.platform.PageSize;
import dev.paygate.problems.ApiError;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.ResourceNotFound;
import dev.paygate.settlement.entity.Settlement;
import dev.paygate.settlement.entity.SettlementItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A merchant's settlements, their items and the report its finance team reconciles against. */
@Path("settlements")
@ApplicationScoped
@Tag(name = "settlements")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
        responseCode = "404",
        description = "No such settlement (another merchant's is answered so too)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class SettlementsResource {

    @Schema(name = "SettlementList")
    public record Page(
            List<SettlementResponse> data,
            @Schema(name = "has_more") boolean hasMore) {}

    @Schema(name = "SettlementItemList")
    public record ItemPage(
            List<SettlementItemResponse> data,
            @Schema(name = "has_more") boolean hasMore) {}

    @Inject
    Settlements settlements;

    @Inject
    Caller caller;

    @GET
    @Operation(
            operationId = "listSettlements",
            summary = "List a merchant's settlements, newest day first",
            description = "Keyset pagination: pass the last id of a page as `starting_after` to get the next.")
    @APIResponse(
            responseCode = "200",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)))
    public Page list(
            @Parameter(description = "Optional: the key's merchant") @QueryParam("merchant_id") String merchantId,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "A settlement id: the page starts after it") @QueryParam("starting_after")
                    String startingAfter) {
        String merchant = caller.merchantFor(merchantId, "merchant_id");
        int size = PageSize.parse(limit);
        Settlement after = null;
        if (startingAfter != null) {
            try {
                after = settlements.find(merchant, startingAfter);
            } catch (ResourceNotFound e) {
                throw new InvalidRequest(
                        "parameter_invalid",
                        "starting_after",
                        "starting_after must be the id of one of merchant " + merchant + "'s settlements");
            }
        }
        List<Settlement> page = settlements.list(merchant, after, size + 1);
        return new Page(page.stream().limit(size).map(this::describe).toList(), page.size() > size);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSettlement", summary = "Retrieve a settlement")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SettlementResponse.class)))
    public SettlementResponse get(@PathParam("id") String id) {
        return describe(settlements.find(caller.scope(), id));
    }

    @GET
    @Path("{id}/items")
    @Operation(
            operationId = "listSettlementItems",
            summary = "A settlement's items in time order",
            description = "Keyset pagination: pass the last id of a page as `starting_after` to get the next.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemPage.class)))
    public ItemPage items(
            @PathParam("id") String id,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "An item id: the page starts after it") @QueryParam("starting_after")
                    String startingAfter) {
        int size = PageSize.parse(limit);
        Settlement settlement = settlements.find(caller.scope(), id);
        List<SettlementItem> page = settlements.items(settlement, startingAfter, size + 1);
        return new ItemPage(
                page.stream()
                        .limit(size)
                        .map(i -> SettlementItemResponse.from(i, settlement.currency()))
                        .toList(),
                page.size() > size);
    }

    @GET
    @Path("{id}/report.csv")
    @Produces("text/csv")
    @Operation(
            operationId = "getSettlementReport",
            summary = "A settlement's items as CSV (RFC 4180)",
            description = "One header row, then one row per item with the figures of the items API; the amount,"
                    + " fee and net columns sum to the settlement's gross less refunds, fees and net.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "text/csv"))
    public Response report(@PathParam("id") String id) {
        Settlement settlement = settlements.find(caller.scope(), id);
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            SettlementReport.header(writer);
            SettlementItem after = null;
            List<SettlementItem> page;
            do {
                page = settlements.itemsAfter(settlement.id(), after, SettlementReport.PAGE);
                for (SettlementItem item : page) {
                    SettlementReport.row(writer, settlement, SettlementItemResponse.from(item, settlement.currency()));
                }
                after = page.isEmpty() ? null : page.get(page.size() - 1);
            } while (page.size() == SettlementReport.PAGE);
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=utf-8; header=present")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + settlement.id() + "-" + settlement.date() + ".csv\"")
                .build();
    }

    private SettlementResponse describe(Settlement s) {
        var payout = settlements.payoutOf(s.id());
        return SettlementResponse.from(s, payout == null ? null : payout.id());
    }
}
