package dev.paygate.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A merchant that takes payments. Keys and webhooks are configured per merchant. */
@Entity
@Table(name = "merchants")
public class Merchant {

    public enum Status { ACTIVE, DISABLED }

    @Id
    private String id;
    private String name;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "webhook_url")
    private String webhookUrl;
    @Column(name = "api_key_hash")
    private String apiKeyHash;
    @Column(name = "api_key_prefix")
    private String apiKeyPrefix;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Merchant() {
    }

    /** A merchant known only by its id, as the first payment naming it creates it. */
    public static Merchant register(String id, Instant now) {
        Merchant m = new Merchant();
        m.id = id;
        m.name = id;
        m.status = Status.ACTIVE;
        m.createdAt = now;
        m.updatedAt = now;
        return m;
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
}
