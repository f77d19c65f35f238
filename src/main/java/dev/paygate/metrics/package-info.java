/**
 * Metrics: the business figures on {@code /metrics}, counted from the payments' and refunds'
 * committed changes, through whichever metrics library the server has (MicroProfile Metrics, or
 * Micrometer on WildFly). Above every other component, and used by none.
 */
package dev.paygate.metrics;
