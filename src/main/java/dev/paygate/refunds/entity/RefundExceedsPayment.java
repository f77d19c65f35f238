package dev.paygate.refunds.entity;

import dev.paygate.problems.InvalidRequest;
import java.math.BigDecimal;

/** The refund would take back more than the payment has left to refund. */
public class RefundExceedsPayment extends InvalidRequest {

    public RefundExceedsPayment(BigDecimal requested, BigDecimal refundable, String currency) {
        super(
                "amount_exceeds_refundable",
                "amount",
                "Refund amount " + requested.toPlainString() + " " + currency + " exceeds the "
                        + refundable.toPlainString() + " " + currency + " that is left to refund.");
    }
}
