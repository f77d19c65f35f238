/**
 * Metrics: the business figures on {@code /metrics} (MicroProfile Metrics), counted from the
 * payments' and refunds' committed changes. Above every other component, and used by none.
 */
package dev.paygate.metrics;
