package dev.paygate.events.entity;

import dev.paygate.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where a merchant wants its events sent, and the secret they are signed with. A rotated secret
 * stays valid until its expiry, so that receivers can change over without losing a delivery.
 */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint {

    public enum Status {
        ENABLED,
        DISABLED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    private String id;

    @Column(name = "merchant_id")
    private String merchantId;

    private String url;

    /** The patterns, comma-separated: types, {@code *}, or wildcards such as {@code payment.*}. */
    @Column(name = "enabled_events")
    private String enabledEvents;

    private String description;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(name = "merchant_default")
    private boolean merchantDefault;

    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected WebhookEndpoint() {}

    public static WebhookEndpoint create(
            String merchantId,
            String url,
            List<String> enabledEvents,
            String description,
            boolean merchantDefault,
            Instant now) {
        WebhookEndpoint e = new WebhookEndpoint();
        e.id = Ids.next("we");
        e.merchantId = merchantId;
        e.url = url;
        e.enabledEvents = String.join(",", enabledEvents);
        e.description = description;
        e.status = Status.ENABLED;
        e.merchantDefault = merchantDefault;
        e.secret = newSecret();
        e.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        e.updatedAt = e.createdAt;
        return e;
    }

    private static String newSecret() {
        return "whsec_" + Ids.random(32);
    }

    public void change(String newUrl, List<String> newEvents, String newDescription, Instant now) {
        if (newUrl != null) {
            url = newUrl;
        }
        if (newEvents != null) {
            enabledEvents = String.join(",", newEvents);
        }
        if (newDescription != null) {
            description = newDescription.isEmpty() ? null : newDescription;
        }
        touch(now);
    }

    public void enable(Instant now) {
        status = Status.ENABLED;
        disabledReason = null;
        touch(now);
    }

    public void disable(String reason, Instant now) {
        status = Status.DISABLED;
        disabledReason = reason;
        touch(now);
    }

    /** A new secret; the current one stays valid until {@code currentValidUntil} (not at all if that has passed). */
    public void rotateSecret(Instant currentValidUntil, Instant now) {
        if (currentValidUntil.isAfter(now)) {
            previousSecret = secret;
            previousSecretExpiresAt = currentValidUntil.truncatedTo(ChronoUnit.MICROS);
        } else {
            previousSecret = null;
            previousSecretExpiresAt = null;
        }
        secret = newSecret();
        touch(now);
    }

    /** The secrets a delivery at {@code now} is signed with: the current one, and a rotated one still valid. */
    public List<String> secretsAt(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(secret);
        if (previousSecret != null && previousSecretExpiresAt.isAfter(now)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** Whether it is sent events of {@code type} (once enabled, if it is not). */
    public boolean takes(EventType type) {
        return takes(enabledEvents, type);
    }

    /** Whether an endpoint whose stored {@code enabled_events} are {@code patterns} takes {@code type}. */
    public static boolean takes(String patterns, EventType type) {
        return type.matchesAny(Arrays.asList(patterns.split(",")));
    }

    public boolean isEnabled() {
        return status == Status.ENABLED;
    }

    private void touch(Instant now) {
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public boolean visibleTo(String scope) {
        return scope == null || scope.equals(merchantId);
    }

    public String id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public String url() {
        return url;
    }

    public List<String> enabledEvents() {
        return Arrays.asList(enabledEvents.split(","));
    }

    public String description() {
        return description;
    }

    public Status status() {
        return status;
    }

    public String disabledReason() {
        return disabledReason;
    }

    public boolean merchantDefault() {
        return merchantDefault;
    }

    public String secret() {
        return secret;
    }

    public Instant previousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
