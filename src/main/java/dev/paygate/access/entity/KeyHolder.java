package dev.paygate.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The merchant a key belongs to, as authentication reads it: whether it may act and how fast.
 * Access sits below the merchants component, so it maps the few columns it needs itself, read-only;
 * the merchants component owns the row and every change to it.
 */
@Entity
@Table(name = "merchants")
public class KeyHolder {

    /** The stored status of a merchant that may act ({@code Merchant.Status.ACTIVE}). */
    static final String ACTIVE = "ACTIVE";

    @Id
    @Column(insertable = false, updatable = false)
    private String id;

    @Column(insertable = false, updatable = false)
    private String status;

    @Column(name = "read_rate_limit", insertable = false, updatable = false)
    private Integer readRateLimit;

    @Column(name = "write_rate_limit", insertable = false, updatable = false)
    private Integer writeRateLimit;

    protected KeyHolder() {}
}
