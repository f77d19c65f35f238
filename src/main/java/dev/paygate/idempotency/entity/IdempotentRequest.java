package dev.paygate.idempotency.entity;

import dev.paygate.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * The first request made with an idempotency key: its fingerprint while it runs, then the answer
 * it got, which is what every later request with the same key receives.
 */
@Entity
@Table(name = "idempotency_keys")
public class IdempotentRequest {

    public enum Status {
        IN_PROGRESS,
        COMPLETED
    }

    @Id
    private String id;

    private String scope;

    @Column(name = "idempotency_key")
    private String key;

    private String fingerprint;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "response_body")
    private String responseBody;

    @Column(name = "response_location")
    private String responseLocation;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected IdempotentRequest() {}

    public static IdempotentRequest start(
            String scope, String key, String fingerprint, Instant now, Duration retention) {
        IdempotentRequest r = new IdempotentRequest();
        r.id = Ids.next("idem");
        r.scope = scope;
        r.key = key;
        r.fingerprint = fingerprint;
        r.status = Status.IN_PROGRESS;
        r.createdAt = now;
        r.expiresAt = now.plus(retention);
        return r;
    }

    public void complete(int status, String body, String location) {
        if (this.status == Status.COMPLETED) {
            throw new IllegalStateException("the answer to " + key + " is already stored");
        }
        this.status = Status.COMPLETED;
        this.responseStatus = status;
        this.responseBody = body;
        this.responseLocation = location;
    }

    public boolean sameRequest(String fingerprint) {
        return this.fingerprint.equals(fingerprint);
    }

    public boolean completed() {
        return status == Status.COMPLETED;
    }

    /** Past its retention, or still marked running long after any request could have: free to reuse. */
    public boolean reusable(Instant now, Duration lockTimeout) {
        return !now.isBefore(expiresAt) || (status == Status.IN_PROGRESS && !now.isBefore(createdAt.plus(lockTimeout)));
    }

    public String id() {
        return id;
    }

    public String scope() {
        return scope;
    }

    public String key() {
        return key;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Integer responseStatus() {
        return responseStatus;
    }

    public String responseBody() {
        return responseBody;
    }

    public String responseLocation() {
        return responseLocation;
    }
}
