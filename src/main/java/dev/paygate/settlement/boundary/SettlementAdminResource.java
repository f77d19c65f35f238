package dev.paygate.settlement.boundary;

import dev.paygate.access.boundary.AdminOnly;
import dev.paygate.platform.JsonRequests;
import dev.paygate.platform.PageSize;
import dev.paygate.problems.ApiError;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.settlement.control.SettlementDays;
import dev.paygate.settlement.entity.SettlementRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's side of settlement: running the job on demand and following its runs. */
@Path("admin")
@ApplicationScoped
@AdminOnly
@Tag(name = "admin")
@SecurityRequirement(name = "admin_token")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
        responseCode = "401",
        description = "Missing or wrong admin token",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class SettlementAdminResource {

    @Schema(name = "SettlementRunList")
    public record Page(
            List<SettlementRunResponse> data,
            @Schema(name = "has_more") boolean hasMore) {}

    @Inject
    SettlementRuns runs;

    @Inject
    SettlementDays days;

    @POST
    @Path("settlements/run")
    @Operation(
            operationId = "runSettlement",
            summary = "Settle a day now",
            description = "Starts the settlement job for a day that has ended (everything not settled before, up to"
                    + " its end) or for today (up to now; what comes later today goes into the next day's"
                    + " settlement). Running a day again settles nothing twice.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SettlementRunRequest.class)))
    @APIResponse(
            responseCode = "202",
            description = "The run, with its job execution",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SettlementRunResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "A run of that day is going on",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response run(
            @Parameter(hidden = true) @HeaderParam("Content-Type") String contentType,
            @Parameter(hidden = true) byte[] body) {
        SettlementRunRequest request =
                JsonRequests.optional(contentType, body, SettlementRunRequest.class, SettlementRunRequest.TODAY);
        LocalDate date = request.date() == null ? days.dayOf(Instant.now()) : date(request.date());
        SettlementRun run = runs.start(date, request.merchantId());
        return Response.accepted(describe(run)).build();
    }

    @GET
    @Path("settlement_runs")
    @Operation(operationId = "listSettlementRuns", summary = "The latest settlement runs, newest first")
    @APIResponse(
            responseCode = "200",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)))
    public Page list(@Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit) {
        int size = PageSize.parse(limit);
        List<SettlementRun> page = runs.list(size + 1);
        return new Page(page.stream().limit(size).map(this::describe).toList(), page.size() > size);
    }

    @GET
    @Path("settlement_runs/{id}")
    @Operation(
            operationId = "getSettlementRun",
            summary = "A settlement run, with its job execution's batch status and step metrics")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SettlementRunResponse.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such run",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public SettlementRunResponse get(@PathParam("id") String id) {
        return describe(runs.find(id));
    }

    private SettlementRunResponse describe(SettlementRun run) {
        return SettlementRunResponse.from(run, runs.execution(run), runs.steps(run));
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidRequest("parameter_invalid", "date", "date must be a day such as 2026-12-02");
        }
    }
}
