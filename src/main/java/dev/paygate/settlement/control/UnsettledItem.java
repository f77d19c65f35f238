package dev.paygate.settlement.control;

import dev.paygate.settlement.entity.ItemType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Something still to settle, as the job reads it: a succeeded charge or capture ({@code sourceId}
 * is its transaction) or a succeeded refund ({@code sourceId} is the refund). {@code amount} is
 * positive either way; {@code method} is the payment's, as stored (CARD…).
 */
public record UnsettledItem(
        ItemType type,
        String sourceId,
        String paymentId,
        String merchantId,
        String currency,
        String method,
        Instant at,
        BigDecimal amount)
        implements Serializable {}
