package dev.paygate.payments.entity;

import dev.paygate.problems.InvalidRequest;
import java.math.BigDecimal;

/** A capture of more than the payment authorised, or of nothing. */
public class CaptureExceedsAuthorization extends InvalidRequest {

    public CaptureExceedsAuthorization(BigDecimal requested, BigDecimal capturable, String currency) {
        super(
                "amount_exceeds_capturable",
                "amount",
                "Capture amount " + requested.toPlainString() + " " + currency + " must be more than 0 and at most the "
                        + capturable.toPlainString() + " " + currency + " authorised.");
    }
}
