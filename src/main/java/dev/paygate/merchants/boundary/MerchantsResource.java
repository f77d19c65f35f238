package dev.paygate.merchants.boundary;

import dev.paygate.access.boundary.AdminOnly;
import dev.paygate.platform.PageSize;
import dev.paygate.platform.PublicLocation;
import dev.paygate.problems.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin API: merchants and their keys, for the operator of the gateway. */
@Path("admin/merchants")
@ApplicationScoped
@AdminOnly
@Tag(name = "admin")
@SecurityRequirement(name = "admin_token")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
        responseCode = "401",
        description = "Missing or wrong admin token",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class MerchantsResource {

    /** One page of merchants in id order. */
    @Schema(name = "MerchantList")
    public record Page(
            List<MerchantResponse> data,
            @Schema(name = "has_more") boolean hasMore) {}

    @Inject
    Merchants merchants;

    @Inject
    PublicLocation location;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMerchant", summary = "Create a merchant")
    @APIResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MerchantResponse.class)))
    @APIResponse(responseCode = "409", description = "The id is taken")
    public Response create(@Valid @NotNull(message = "the request needs a JSON body") MerchantRequest request) {
        MerchantResponse merchant = MerchantResponse.from(merchants.create(request));
        return Response.status(Response.Status.CREATED)
                .header(PublicLocation.HEADER, location.of("/api/v1/admin/merchants/" + merchant.id()))
                .entity(merchant)
                .build();
    }

    @GET
    @Operation(operationId = "listMerchants", summary = "List merchants in id order")
    @APIResponse(responseCode = "200", description = "A page of merchants")
    public Page list(
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "A merchant id: the page starts after it") @QueryParam("starting_after")
                    String after) {
        int size = PageSize.parse(limit);
        var page = merchants.list(after, size + 1);
        return new Page(page.stream().limit(size).map(MerchantResponse::from).toList(), page.size() > size);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMerchant", summary = "Retrieve a merchant")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MerchantResponse.class)))
    @APIResponse(responseCode = "404", description = "No such merchant")
    public MerchantResponse get(@PathParam("id") String id) {
        return MerchantResponse.from(merchants.find(id));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateMerchant",
            summary = "Update a merchant",
            description = "Only the fields sent change. `status: disabled` refuses its keys at once.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MerchantResponse.class)))
    @APIResponse(responseCode = "404", description = "No such merchant")
    public MerchantResponse update(
            @PathParam("id") String id,
            @Valid @NotNull(message = "the request needs a JSON body") MerchantRequest request) {
        return MerchantResponse.from(merchants.update(id, request));
    }

    @POST
    @Path("{id}/keys")
    @Operation(
            operationId = "createApiKey",
            summary = "Create an API key",
            description = "The secret is in this answer only. A merchant may hold several keys.")
    @APIResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiKeyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such merchant")
    public Response createKey(@PathParam("id") String id) {
        ApiKeyResponse key = ApiKeyResponse.from(merchants.issueKey(id));
        return Response.status(Response.Status.CREATED)
                .header(PublicLocation.HEADER, location.of("/api/v1/admin/merchants/" + id + "/keys/" + key.id()))
                .entity(key)
                .build();
    }

    @GET
    @Path("{id}/keys")
    @Operation(
            operationId = "listApiKeys",
            summary = "List a merchant's API keys, oldest first",
            description = "Without secrets.")
    @APIResponse(responseCode = "200", description = "The keys, without their secrets")
    public List<ApiKeyResponse> keys(@PathParam("id") String id) {
        return merchants.keys(id).stream().map(ApiKeyResponse::from).toList();
    }

    @POST
    @Path("{id}/keys/{key}/revoke")
    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke an API key",
            description = "Requests with it are refused from now on.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiKeyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such key for this merchant")
    public ApiKeyResponse revoke(@PathParam("id") String id, @PathParam("key") String key) {
        return ApiKeyResponse.from(merchants.revokeKey(id, key));
    }
}
