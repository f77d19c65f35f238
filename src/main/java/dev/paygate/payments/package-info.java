/**
 * Payments: accepted as pending, processed asynchronously by the emulated acquirer, with every
 * step kept as a transaction.
 */
package dev.paygate.payments;
