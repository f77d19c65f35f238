package dev.paygate.settlement.control;

import dev.paygate.settlement.entity.Payout;
import dev.paygate.settlement.entity.PayoutStatus;

/**
 * A payout was created ({@code from} null) or paid; fired inside the changing transaction, for the
 * event outbox.
 */
public record PayoutChanged(Payout payout, PayoutStatus from) {}
