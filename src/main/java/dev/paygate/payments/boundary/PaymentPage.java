package dev.paygate.payments.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a merchant's payments, newest first. */
@Schema(name = "PaymentList")
@JsonbPropertyOrder({"data", "hasMore"})
public record PaymentPage(
        List<PaymentResponse> data,

        @Schema(name = "has_more", description = "Pass the last id as starting_after for the next page")
        boolean hasMore) {}
