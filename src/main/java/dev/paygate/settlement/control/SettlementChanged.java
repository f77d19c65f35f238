package dev.paygate.settlement.control;

import dev.paygate.settlement.entity.Settlement;

/** A settlement was completed; fired inside the completing transaction, for the event outbox. */
public record SettlementChanged(Settlement settlement) {}
