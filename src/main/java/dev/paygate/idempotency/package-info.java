/**
 * Idempotency keys: a POST sent again with the same {@code Idempotency-Key} gets the first answer
 * back instead of running twice, across threads and gateway instances.
 */
package dev.paygate.idempotency;
