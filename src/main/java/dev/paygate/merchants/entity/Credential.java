package dev.paygate.merchants.entity;

import java.time.Instant;

/** What a presented secret key stands for: its key, its merchant, and whether either may act. */
public record Credential(String keyId, String merchantId, Instant revokedAt, Merchant.Status merchantStatus,
        Integer readRateLimit, Integer writeRateLimit) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean merchantActive() {
        return merchantStatus == Merchant.Status.ACTIVE;
    }
}
