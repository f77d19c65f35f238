package dev.paygate.events.boundary;

import dev.paygate.access.boundary.Caller;
import dev.paygate.events.entity.WebhookEndpoint;
import dev.paygate.idempotency.boundary.IdempotencyFilter;
import dev.paygate.platform.JsonRequests;
import dev.paygate.platform.PageSize;
import dev.paygate.problems.ApiError;
import dev.paygate.problems.ApiResponses;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.ResourceNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A merchant's webhook endpoints: where its events are sent, and the log of what was sent. */
@Path("webhook_endpoints")
@ApplicationScoped
@Tag(name = "webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookEndpointsResource {

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createWebhookEndpoint",
            summary = "Create a webhook endpoint",
            description = "The answer holds the signing secret (`whsec_…`), shown this once. Deliveries carry "
                    + "`Paygate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<body>\")>`.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookEndpointResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "An invalid url or enabled_events",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response create(
            @NotNull(message = "the request needs a JSON body") WebhookEndpointRequest request,
            @Parameter(description = ApiResponses.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyFilter.HEADER)
                    String idempotencyKey) {
        return endpoints.create(caller.merchantFor(null, "merchant_id"), request);
    }

    @GET
    @Operation(operationId = "listWebhookEndpoints", summary = "List the merchant's webhook endpoints, newest first")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookEndpointPage.class)))
    public WebhookEndpointPage list(
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "An endpoint id: the page starts after it") @QueryParam("starting_after")
                    String startingAfter) {
        String merchant = caller.merchantFor(null, "merchant_id");
        int size = PageSize.parse(limit);
        WebhookEndpoint after = null;
        if (startingAfter != null) {
            try {
                after = endpoints.find(merchant, startingAfter);
            } catch (ResourceNotFound e) {
                throw new InvalidRequest(
                        "parameter_invalid",
                        "starting_after",
                        "starting_after must be the id of one of your endpoints");
            }
        }
        List<WebhookEndpoint> page = endpoints.list(merchant, after, size + 1);
        Instant now = Instant.now();
        return new WebhookEndpointPage(
                page.stream()
                        .limit(size)
                        .map(e -> WebhookEndpointResponse.from(e, now))
                        .toList(),
                page.size() > size);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhookEndpoint", summary = "Retrieve a webhook endpoint (never its secret)")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookEndpointResponse.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such endpoint",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public WebhookEndpointResponse get(@PathParam("id") String id) {
        return WebhookEndpointResponse.from(endpoints.find(caller.scope(), id), Instant.now());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateWebhookEndpoint",
            summary = "Change a webhook endpoint",
            description = "Only the fields sent change; `status: enabled` turns on an endpoint the gateway disabled.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookEndpointResponse.class)))
    public WebhookEndpointResponse update(
            @PathParam("id") String id,
            @NotNull(message = "the request needs a JSON body") WebhookEndpointRequest request,
            @Parameter(description = ApiResponses.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyFilter.HEADER)
                    String idempotencyKey) {
        return endpoints.update(caller.scope(), id, request);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint and its deliveries")
    @APIResponse(responseCode = "200", description = "`{\"id\", \"object\", \"deleted\": true}`")
    public Map<String, Object> delete(@PathParam("id") String id) {
        endpoints.delete(caller.scope(), id);
        return Map.of("id", id, "object", "webhook_endpoint", "deleted", true);
    }

    @POST
    @Path("{id}/rotate_secret")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Issue a new signing secret",
            description = "The current secret stays valid for `expire_current_in_seconds` (default 24 hours); "
                    + "meanwhile each delivery carries one `v1` signature per valid secret.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RotateSecretRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The endpoint with its new secret",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookEndpointResponse.class)))
    public WebhookEndpointResponse rotateSecret(
            @PathParam("id") String id,
            @Parameter(hidden = true) @HeaderParam("Content-Type") String contentType,
            @Parameter(description = ApiResponses.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyFilter.HEADER)
                    String idempotencyKey,
            @Parameter(hidden = true) byte[] body) {
        RotateSecretRequest request =
                JsonRequests.optional(contentType, body, RotateSecretRequest.class, new RotateSecretRequest(null));
        return endpoints.rotateSecret(caller.scope(), id, request.expireCurrentInSeconds());
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookEndpointDeliveries", summary = "An endpoint's deliveries, newest first")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeliveryPage.class)))
    public DeliveryPage deliveries(
            @PathParam("id") String id,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "A delivery id: the page starts after it") @QueryParam("starting_after")
                    String startingAfter) {
        return endpoints.deliveries(caller.scope(), id, startingAfter, PageSize.parse(limit));
    }
}
