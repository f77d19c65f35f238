package dev.paygate.access.entity;

import java.time.Instant;

/** What a presented secret key stands for: its key, its merchant, and whether either may act. */
public record Credential(
        String keyId,
        String merchantId,
        Instant revokedAt,
        boolean merchantActive,
        Integer readRateLimit,
        Integer writeRateLimit) {

    /** For the query that reads a key with its {@link KeyHolder}'s stored status. */
    public Credential(
            String keyId,
            String merchantId,
            Instant revokedAt,
            String merchantStatus,
            Integer readRateLimit,
            Integer writeRateLimit) {
        this(keyId, merchantId, revokedAt, KeyHolder.ACTIVE.equals(merchantStatus), readRateLimit, writeRateLimit);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
