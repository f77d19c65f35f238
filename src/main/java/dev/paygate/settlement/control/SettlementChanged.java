package dev.paygate.settlement.control;

import dev.paygate.settlement.entity.Settlement;

/**
 * A settlement was completed, with its payout ({@code payoutId} null when its net is not
 * positive); fired inside the completing transaction, for the event outbox.
 */
public record SettlementChanged(Settlement settlement, String payoutId) {}
