package dev.paygate.events.boundary;

import dev.paygate.access.boundary.Caller;
import dev.paygate.events.entity.Event;
import dev.paygate.events.entity.EventType;
import dev.paygate.platform.JsonRequests;
import dev.paygate.platform.PageSize;
import dev.paygate.problems.ApiError;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.ResourceNotFound;
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
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The events API. An event is served as the JSON it was written with, the very bytes its webhooks
 * carried, so what a merchant reads here is what its endpoint got.
 */
@Path("events")
@ApplicationScoped
@Tag(name = "events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    @Inject
    Events events;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Caller caller;

    @GET
    @Path("{id}")
    @Operation(operationId = "getEvent", summary = "Retrieve an event")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventBody.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such event",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response get(@PathParam("id") String id) {
        return json(events.find(caller.scope(), id).payload());
    }

    @GET
    @Operation(
            operationId = "listEvents",
            summary = "List a merchant's events, newest first",
            description = "Keyset pagination: pass the last id of a page as `starting_after` to get the next.")
    @APIResponse(
            responseCode = "200",
            description = "`{\"data\": [Event…], \"has_more\": …}`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response list(
            @Parameter(description = "Optional: the key's merchant", example = "merchant_123")
                    @QueryParam("merchant_id")
                    String merchantId,
            @Parameter(description = "A type, or a wildcard such as `payment.*`", example = "payment.*")
                    @QueryParam("type")
                    String type,
            @Parameter(description = "Created at or after: an ISO-8601 instant or Unix seconds")
                    @QueryParam("created_gte")
                    String createdGte,
            @Parameter(description = "Created at or before: an ISO-8601 instant or Unix seconds")
                    @QueryParam("created_lte")
                    String createdLte,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "An event id: the page starts after it") @QueryParam("starting_after")
                    String startingAfter) {
        String merchant = caller.merchantFor(merchantId, "merchant_id");
        int size = PageSize.parse(limit);
        if (type != null && !EventType.isPattern(type)) {
            throw new InvalidRequest(
                    "parameter_invalid", "type", "type must be an event type, or a wildcard such as payment.*");
        }
        Event after = null;
        if (startingAfter != null) {
            try {
                after = events.find(merchant, startingAfter);
            } catch (ResourceNotFound e) {
                throw new InvalidRequest(
                        "parameter_invalid",
                        "starting_after",
                        "starting_after must be the id of one of merchant " + merchant + "'s events");
            }
        }
        List<Event> page = events.list(
                merchant,
                type,
                instant(createdGte, "created_gte"),
                instant(createdLte, "created_lte"),
                after,
                size + 1);
        String data = page.stream().limit(size).map(Event::payload).collect(Collectors.joining(","));
        return json("{\"data\":[" + data + "],\"has_more\":" + (page.size() > size) + "}");
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(
            operationId = "listEventDeliveries",
            summary = "An event's deliveries to each endpoint, with every attempt")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeliveryPage.class)))
    public DeliveryPage deliveries(@PathParam("id") String id) {
        return new DeliveryPage(events.deliveries(caller.scope(), id), false);
    }

    @POST
    @Path("{id}/resend")
    @Operation(
            operationId = "resendEvent",
            summary = "Send an event again now",
            description = "To one endpoint, or to every enabled endpoint that takes the event's type.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResendRequest.class)))
    @APIResponse(
            responseCode = "202",
            description = "The new deliveries, due now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeliveryPage.class)))
    public Response resend(
            @PathParam("id") String id,
            @Parameter(hidden = true) @HeaderParam("Content-Type") String contentType,
            @Parameter(hidden = true) byte[] body) {
        ResendRequest request = JsonRequests.optional(contentType, body, ResendRequest.class, new ResendRequest(null));
        DeliveryPage sent = new DeliveryPage(events.resend(caller.scope(), id, request.endpointId()), false);
        dispatcher.nudge();
        return Response.accepted(sent).build();
    }

    private static Response json(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** An ISO-8601 instant or Unix seconds. */
    static Instant instant(String value, String param) {
        if (value == null) {
            return null;
        }
        try {
            if (value.matches("\\d{1,12}")) {
                return Instant.ofEpochSecond(Long.parseLong(value));
            }
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidRequest(
                    "parameter_invalid",
                    param,
                    param + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, or Unix seconds");
        }
    }
}
