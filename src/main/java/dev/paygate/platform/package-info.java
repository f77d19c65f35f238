/**
 * What every business component shares at the edges: JSON on the wire, request limits, CORS, the
 * schema migrations at start-up, and health.
 */
package dev.paygate.platform;
