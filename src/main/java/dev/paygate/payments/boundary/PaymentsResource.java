package dev.paygate.payments.boundary;

import dev.paygate.payments.entity.Payment;
import dev.paygate.payments.entity.PaymentStatus;
import dev.paygate.problems.ApiError;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.refunds.boundary.RefundRequest;
import dev.paygate.refunds.boundary.RefundResponse;
import dev.paygate.refunds.boundary.Refunds;
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
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("payments")
@jakarta.enterprise.context.RequestScoped
@Tag(name = "payments")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid request; `param` names the offending field",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class PaymentsResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    @Inject
    Payments payments;

    @Inject
    Refunds refunds;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a payment", description = "Accepted as `pending`; processing is asynchronous.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "413", description = "Body over 64 KiB")
    @APIResponse(responseCode = "415", description = "Body is not application/json")
    public Response create(@Valid @NotNull(message = "the request needs a JSON body") CreatePaymentRequest request) {
        Payment payment = payments.create(request);
        return Response.created(uri.getBaseUriBuilder().path("payments").path(payment.id()).build())
                .entity(PaymentResponse.from(payment)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Retrieve a payment")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such payment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public PaymentResponse get(@PathParam("id") String id) {
        return PaymentResponse.from(payments.find(id));
    }

    @GET
    @Operation(summary = "List a merchant's payments, newest first",
            description = "Keyset pagination: pass the last id of a page as `starting_after` to get the next.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentPage.class)))
    public PaymentPage list(
            @Parameter(required = true, example = "merchant_123") @QueryParam("merchant_id") String merchantId,
            @Parameter(example = "completed") @QueryParam("status") String status,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "A payment id: the page starts after it") @QueryParam("starting_after")
            String startingAfter) {
        if (merchantId == null || merchantId.isBlank()) {
            throw new InvalidRequest("parameter_missing", "merchant_id", "merchant_id is required");
        }
        int size = limit(limit);
        Payment after = null;
        if (startingAfter != null) {
            after = payments.find(startingAfter);
            if (!after.merchantId().equals(merchantId)) {
                throw new InvalidRequest("parameter_invalid", "starting_after",
                        "starting_after must be a payment of merchant " + merchantId);
            }
        }
        List<Payment> page = payments.list(merchantId, status(status), after, size + 1);
        boolean hasMore = page.size() > size;
        return new PaymentPage(page.stream().limit(size).map(PaymentResponse::from).toList(), hasMore);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a pending payment")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "409", description = "The payment is no longer pending",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public PaymentResponse cancel(@PathParam("id") String id) {
        return PaymentResponse.from(payments.cancel(id));
    }

    @GET
    @Path("{id}/transactions")
    @Operation(summary = "A payment's transactions, oldest first")
    public List<TransactionResponse> transactions(@PathParam("id") String id) {
        return payments.transactions(id).stream().map(TransactionResponse::from).toList();
    }

    @POST
    @Path("{id}/refund")
    @Tag(name = "refunds")
    @Operation(summary = "Refund a completed payment, fully or partly",
            description = "Without an amount, refunds everything that is left. Accepted as `pending`; settled asynchronously.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefundRequest.class)))
    @APIResponse(responseCode = "202", description = "Accepted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefundResponse.class)))
    @APIResponse(responseCode = "409", description = "The payment is not completed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response refund(@PathParam("id") String id, @Parameter(hidden = true) @HeaderParam("Content-Type") String contentType,
            @Parameter(hidden = true) byte[] body) {
        RefundResponse refund = refunds.request(id, RefundRequest.read(contentType, body));
        return Response.accepted(refund)
                .location(uri.getBaseUriBuilder().path("refunds").path(refund.id()).build()).build();
    }

    @GET
    @Path("{id}/refunds")
    @Tag(name = "refunds")
    @Operation(summary = "A payment's refunds, oldest first")
    public List<RefundResponse> refunds(@PathParam("id") String id) {
        payments.find(id);
        return refunds.forPayment(id);
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequest("parameter_invalid", "limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static PaymentStatus status(String value) {
        if (value == null) {
            return null;
        }
        return PaymentStatus.fromWire(value).orElseThrow(() -> new InvalidRequest("parameter_invalid", "status",
                        "status must be one of pending, processing, completed, failed, cancelled, refunded"));
    }
}
