package dev.paygate.payments.boundary;

import dev.paygate.access.boundary.Caller;
import dev.paygate.idempotency.boundary.IdempotencyFilter;
import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentStatus;
import dev.paygate.platform.JsonRequests;
import dev.paygate.platform.PageSize;
import dev.paygate.problems.ApiError;
import dev.paygate.problems.ApiResponses;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.ResourceNotFound;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The payments API. Its POSTs name the Idempotency-Key header only for the API reference: the
 * header is handled by {@link IdempotencyFilter} before a method runs.
 */
@Path("payments")
@jakarta.enterprise.context.ApplicationScoped
@Tag(name = "payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsResource {

    @Inject
    Payments payments;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createPayment",
            summary = "Create a payment",
            description = "Accepted as `pending`; processing is asynchronous.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "413", description = "Body over 64 KiB")
    @APIResponse(responseCode = "415", description = "Body is not application/json")
    @APIResponse(
            responseCode = "403",
            description = ApiResponses.FORBIDDEN,
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(
            responseCode = "409",
            description = ApiResponses.KEY_IN_USE,
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response create(
            @Valid @NotNull(message = "the request needs a JSON body") CreatePaymentRequest request,
            @Parameter(description = ApiResponses.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyFilter.HEADER)
                    String idempotencyKey) {
        return payments.create(caller.merchantFor(request.merchantId(), "merchant_id"), request);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPayment", summary = "Retrieve a payment")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such payment",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public PaymentResponse get(@PathParam("id") String id) {
        return PaymentResponse.from(payments.find(caller.scope(), id));
    }

    @GET
    @Operation(
            operationId = "listPayments",
            summary = "List a merchant's payments, newest first",
            description = "Keyset pagination: pass the last id of a page as `starting_after` to get the next.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PaymentPage.class)))
    public PaymentPage list(
            @Parameter(
                            description = "Optional: the key's merchant (required when authentication is off)",
                            example = "merchant_123")
                    @QueryParam("merchant_id")
                    String merchantId,
            @Parameter(example = "completed") @QueryParam("status") String status,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "A payment id: the page starts after it") @QueryParam("starting_after")
                    String startingAfter) {
        String merchant = caller.merchantFor(merchantId, "merchant_id");
        int size = PageSize.parse(limit);
        PaymentStatus filter = status(status);
        Payment after = null;
        if (startingAfter != null) {
            try {
                after = payments.find(merchant, startingAfter);
            } catch (ResourceNotFound e) {
                throw new InvalidRequest(
                        "parameter_invalid",
                        "starting_after",
                        "starting_after must be the id of one of merchant " + merchant + "'s payments");
            }
        }
        List<Payment> page = payments.list(merchant, filter, after, size + 1);
        boolean hasMore = page.size() > size;
        return new PaymentPage(
                page.stream().limit(size).map(PaymentResponse::from).toList(), hasMore);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(
            operationId = "cancelPayment",
            summary = "Cancel a pending payment, or void an authorised one",
            description = "The body, `{\"cancellation_reason\": …}`, may be left out.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CancelRequest.class)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "The payment is neither pending nor authorized; or its Idempotency-Key is in use",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public PaymentResponse cancel(
            @PathParam("id") String id,
            @Parameter(hidden = true) @HeaderParam("Content-Type") String contentType,
            @Parameter(description = ApiResponses.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyFilter.HEADER)
                    String idempotencyKey,
            @Parameter(hidden = true) byte[] body) {
        return payments.cancel(
                caller.scope(),
                id,
                JsonRequests.optional(contentType, body, CancelRequest.class, CancelRequest.NO_REASON));
    }

    @POST
    @Path("{id}/capture")
    @Operation(
            operationId = "capturePayment",
            summary = "Capture an authorised payment, all of it or part",
            description = "The body, `{\"amount\": …}`, may be left out to capture everything authorised; "
                    + "what is not captured is released. An amount of 0, or over the amount authorised, is a 400 "
                    + "`amount_exceeds_capturable`.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaptureRequest.class)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "The payment is not authorized (it names its status); or its Idempotency-Key is in use",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public PaymentResponse capture(
            @PathParam("id") String id,
            @Parameter(hidden = true) @HeaderParam("Content-Type") String contentType,
            @Parameter(description = ApiResponses.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyFilter.HEADER)
                    String idempotencyKey,
            @Parameter(hidden = true) byte[] body) {
        return payments.capture(
                caller.scope(),
                id,
                JsonRequests.optional(contentType, body, CaptureRequest.class, CaptureRequest.EVERYTHING));
    }

    @GET
    @Path("{id}/transactions")
    @Operation(operationId = "listPaymentTransactions", summary = "A payment's transactions, oldest first")
    @APIResponse(responseCode = "200", description = "The transactions")
    public List<TransactionResponse> transactions(@PathParam("id") String id) {
        return payments.transactions(caller.scope(), id).stream()
                .map(TransactionResponse::from)
                .toList();
    }

    private static PaymentStatus status(String value) {
        if (value == null) {
            return null;
        }
        return PaymentStatus.fromWire(value)
                .orElseThrow(() -> new InvalidRequest(
                        "parameter_invalid", "status", "status must be one of " + PaymentStatus.wireList()));
    }
}
