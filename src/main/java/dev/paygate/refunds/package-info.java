/** Refunds: accepted against a completed payment, then settled through the refund queue. */
package dev.paygate.refunds;
