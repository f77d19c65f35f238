/** Merchants: who a payment belongs to. */
package dev.paygate.merchants;
