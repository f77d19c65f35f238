-- Merchants get several API keys each (rotation without downtime), optional rate-limit overrides,
-- and optimistic locking; POST requests get idempotency keys.

ALTER TABLE merchants DROP COLUMN api_key_hash;
ALTER TABLE merchants DROP COLUMN api_key_prefix;
ALTER TABLE merchants ADD COLUMN read_rate_limit INTEGER CHECK (read_rate_limit > 0);
ALTER TABLE merchants ADD COLUMN write_rate_limit INTEGER CHECK (write_rate_limit > 0);
ALTER TABLE merchants ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

-- Only the SHA-256 of a secret key is kept, and a prefix to tell keys apart in listings.
CREATE TABLE api_keys (
    id              VARCHAR(32)  PRIMARY KEY,
    merchant_id     VARCHAR(64)  NOT NULL REFERENCES merchants (id),
    secret_hash     VARCHAR(64)  NOT NULL UNIQUE,
    display_prefix  VARCHAR(32)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX api_keys_merchant ON api_keys (merchant_id, created_at, id);

-- One row per (merchant, Idempotency-Key): the unique constraint is what makes a key run once,
-- across threads and gateway instances alike.
CREATE TABLE idempotency_keys (
    id                 VARCHAR(32)   PRIMARY KEY,
    scope              VARCHAR(64)   NOT NULL,
    idempotency_key    VARCHAR(255)  NOT NULL,
    fingerprint        VARCHAR(64)   NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    response_status    INTEGER,
    response_body      TEXT,
    response_location  VARCHAR(2048),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_keys_scope_key UNIQUE (scope, idempotency_key)
);

CREATE INDEX idempotency_keys_expires ON idempotency_keys (expires_at);
