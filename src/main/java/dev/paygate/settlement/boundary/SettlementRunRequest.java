package dev.paygate.settlement.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an operator's run settles: a day (today's, so far, when left out) and perhaps one merchant. */
@Schema(name = "SettlementRunRequest")
public record SettlementRunRequest(
        @Schema(example = "2026-12-02", description = "A settlement day, yyyy-mm-dd; today's (so far) when left out")
        String date,

        @Schema(name = "merchant_id", description = "Only this merchant; every merchant when left out")
        String merchantId) {

    static final SettlementRunRequest TODAY = new SettlementRunRequest(null, null);
}
