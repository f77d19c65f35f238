package dev.paygate.settlement.entity;

/** A settlement is OPEN while its run writes its items, and COMPLETE, with its totals, after. */
public enum SettlementStatus {
    OPEN,
    COMPLETE
}
