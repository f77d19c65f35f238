package dev.paygate.refunds.boundary;

import dev.paygate.access.boundary.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A payment's refunds; a root resource of its own for the same reason as {@link RefundRequestResource}. */
@Path("payments/{id}/refunds")
@ApplicationScoped
@Tag(name = "refunds")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentRefundsResource {

    @Inject
    Refunds refunds;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listPaymentRefunds", summary = "A payment's refunds, oldest first")
    @APIResponse(responseCode = "200", description = "The refunds")
    public List<RefundResponse> refunds(@PathParam("id") String id) {
        return refunds.forPayment(caller.scope(), id);
    }
}
