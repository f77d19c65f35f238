package dev.paygate.access.entity;

import dev.paygate.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * A merchant's secret API key. The secret itself is shown once, when the key is issued; the
 * gateway keeps only its SHA-256 and a short prefix to tell keys apart.
 */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    public static final String SECRET_PREFIX = "sk_test_";
    static final int RANDOM_LENGTH = 40;
    private static final int DISPLAY_LENGTH = SECRET_PREFIX.length() + 4;
    /** Checked on every request, so compiled once. */
    private static final java.util.regex.Pattern RANDOM_PART = java.util.regex.Pattern.compile("[A-Za-z0-9_]+");

    /** A key just issued, with the only copy of its secret. */
    public record Issued(ApiKey key, String secret) {}

    @Id
    private String id;

    @Column(name = "merchant_id")
    private String merchantId;

    @Column(name = "secret_hash")
    private String secretHash;

    @Column(name = "display_prefix")
    private String displayPrefix;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {}

    /** A new key with {@value #RANDOM_LENGTH} random letters and digits after {@code sk_test_}. */
    public static Issued issue(String merchantId, Instant now) {
        return register(merchantId, SECRET_PREFIX + Ids.random(RANDOM_LENGTH), now);
    }

    /** A key whose secret the operator chose, such as the configured demo key. */
    public static Issued register(String merchantId, String secret, Instant now) {
        if (!wellFormed(secret)) {
            throw new IllegalArgumentException(
                    "a secret key is sk_test_ followed by at least 32 letters, digits or '_'");
        }
        ApiKey key = new ApiKey();
        key.id = Ids.next("key");
        key.merchantId = merchantId;
        key.secretHash = digest(secret);
        key.displayPrefix = secret.substring(0, DISPLAY_LENGTH);
        key.createdAt = micros(now);
        return new Issued(key, secret);
    }

    public static boolean wellFormed(String secret) {
        return secret != null
                && secret.startsWith(SECRET_PREFIX)
                && secret.length() >= SECRET_PREFIX.length() + 32
                && secret.length() <= 128
                && RANDOM_PART
                        .matcher(secret)
                        .region(SECRET_PREFIX.length(), secret.length())
                        .matches();
    }

    /** The stored form of a secret; a lookup by it finds the key without keeping the secret. */
    public static String digest(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Takes effect at once; revoking a revoked key changes nothing. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = micros(now);
        }
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public String id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public String displayPrefix() {
        return displayPrefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    /** The database keeps microseconds; so does the entity, so an answer matches a later read. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
