-- Events (every change a merchant can see, written in the changing transaction with its
-- deliveries), the merchants' webhook endpoints, and every attempt of each delivery.

ALTER TABLE payments ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE refunds ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

CREATE TABLE events (
    id           VARCHAR(32)  PRIMARY KEY,
    merchant_id  VARCHAR(64)  NOT NULL,
    type         VARCHAR(64)  NOT NULL,
    object_id    VARCHAR(32)  NOT NULL,
    sequence     INTEGER      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The event's JSON exactly as it is served and sent, so every delivery signs the same bytes.
    payload      TEXT         NOT NULL
);

-- Keyset pagination of a merchant's events, newest first; the retention purge by age.
CREATE INDEX events_merchant_created ON events (merchant_id, created_at DESC, id DESC);
CREATE INDEX events_created ON events (created_at);

CREATE TABLE webhook_endpoints (
    id                        VARCHAR(32)   PRIMARY KEY,
    merchant_id               VARCHAR(64)   NOT NULL,
    url                       VARCHAR(2048) NOT NULL,
    enabled_events            VARCHAR(2000) NOT NULL,
    description               VARCHAR(500),
    status                    VARCHAR(16)   NOT NULL,
    disabled_reason           VARCHAR(500),
    merchant_default          BOOLEAN       NOT NULL,
    secret                    VARCHAR(64)   NOT NULL,
    previous_secret           VARCHAR(64),
    previous_secret_expires_at TIMESTAMP WITH TIME ZONE,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    version                   BIGINT        NOT NULL
);

CREATE INDEX webhook_endpoints_merchant ON webhook_endpoints (merchant_id, created_at DESC, id DESC);

CREATE TABLE webhook_deliveries (
    id               VARCHAR(32)  PRIMARY KEY,
    event_id         VARCHAR(32)  NOT NULL,
    event_type       VARCHAR(64)  NOT NULL,
    endpoint_id      VARCHAR(32)  NOT NULL,
    merchant_id      VARCHAR(64)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    attempt_count    INTEGER      NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What is due, claimed in next_attempt_at order; an event's and an endpoint's deliveries.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id, created_at);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC, id DESC);
CREATE INDEX webhook_deliveries_created ON webhook_deliveries (created_at);

CREATE TABLE webhook_attempts (
    id             VARCHAR(32)   PRIMARY KEY,
    delivery_id    VARCHAR(32)   NOT NULL,
    attempted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    succeeded      BOOLEAN       NOT NULL,
    http_status    INTEGER,
    error          VARCHAR(500),
    latency_ms     BIGINT        NOT NULL,
    response_body  VARCHAR(4000),
    next_retry_at  TIMESTAMP WITH TIME ZONE
);

CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempted_at);
