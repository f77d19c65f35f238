package dev.paygate.settlement.control;

import dev.paygate.settlement.entity.FeeRule;
import java.io.Serializable;

/** An item to settle and the fee rule of its merchant that prices it. */
public record PricedItem(UnsettledItem item, FeeRule rule) implements Serializable {}
