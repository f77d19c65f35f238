package dev.paygate.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** A merchant that takes payments, with its webhook URL and optional rate-limit overrides. */
@Entity
@Table(name = "merchants")
public class Merchant {

    public enum Status {
        ACTIVE,
        DISABLED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Status> fromWire(String value) {
            for (Status s : values()) {
                if (s.wire().equals(value)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    @Id
    private String id;

    private String name;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "webhook_url")
    private String webhookUrl;

    @Column(name = "read_rate_limit")
    private Integer readRateLimit;

    @Column(name = "write_rate_limit")
    private Integer writeRateLimit;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected Merchant() {}

    public static Merchant create(String id, String name, String webhookUrl, Instant now) {
        Merchant m = new Merchant();
        m.id = id;
        m.name = name;
        m.webhookUrl = webhookUrl;
        m.status = Status.ACTIVE;
        m.createdAt = micros(now);
        m.updatedAt = m.createdAt;
        return m;
    }

    public void rename(String name, Instant now) {
        this.name = name;
        this.updatedAt = micros(now);
    }

    public void changeWebhookUrl(String webhookUrl, Instant now) {
        this.webhookUrl = webhookUrl;
        this.updatedAt = micros(now);
    }

    public void changeStatus(Status status, Instant now) {
        this.status = status;
        this.updatedAt = micros(now);
    }

    /** Overrides the gateway's default limits; null goes back to the default. */
    public void limitRates(Integer readsPerSecond, Integer writesPerSecond, Instant now) {
        if ((readsPerSecond != null && readsPerSecond < 1) || (writesPerSecond != null && writesPerSecond < 1)) {
            throw new IllegalArgumentException("rate limits are at least 1 per second");
        }
        this.readRateLimit = readsPerSecond;
        this.writeRateLimit = writesPerSecond;
        this.updatedAt = micros(now);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Status status() {
        return status;
    }

    public String webhookUrl() {
        return webhookUrl;
    }

    public Integer readRateLimit() {
        return readRateLimit;
    }

    public Integer writeRateLimit() {
        return writeRateLimit;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The database keeps microseconds; so does the entity, so an answer matches a later read. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
