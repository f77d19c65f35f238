package dev.paygate.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something a merchant could see happen, immutable once written. Its JSON is kept as it was
 * written, so the API and every delivery serve the same bytes, and a signature covers exactly
 * what the receiver gets.
 */
@Entity
@Table(name = "events")
public class Event {

    @Id
    private String id;

    @Column(name = "merchant_id")
    private String merchantId;

    private String type;

    @Column(name = "object_id")
    private String objectId;

    private int sequence;

    @Column(name = "created_at")
    private Instant createdAt;

    private String payload;

    protected Event() {}

    public Event(
            String id,
            String merchantId,
            EventType type,
            String objectId,
            int sequence,
            Instant createdAt,
            String payload) {
        this.id = id;
        this.merchantId = merchantId;
        this.type = type.wire();
        this.objectId = objectId;
        this.sequence = sequence;
        this.createdAt = createdAt;
        this.payload = payload;
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

    public EventType type() {
        return EventType.fromWire(type).orElseThrow();
    }

    public String objectId() {
        return objectId;
    }

    public int sequence() {
        return sequence;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String payload() {
        return payload;
    }
}
