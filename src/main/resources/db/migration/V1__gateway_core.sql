-- The gateway core: merchants, payments with their transaction history, refunds.
-- Money is numeric; ids are opaque prefixed strings; timestamps are UTC instants.

CREATE TABLE merchants (
    id              VARCHAR(64)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    webhook_url     VARCHAR(2048),
    api_key_hash    VARCHAR(64),
    api_key_prefix  VARCHAR(32),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE payments (
    id                 VARCHAR(32)   PRIMARY KEY,
    merchant_id        VARCHAR(64)   NOT NULL REFERENCES merchants (id),
    order_id           VARCHAR(64)   NOT NULL,
    amount             NUMERIC(19,4) NOT NULL CHECK (amount > 0),
    currency           VARCHAR(3)     NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    payment_method     VARCHAR(16)   NOT NULL,
    scenario           VARCHAR(32)   NOT NULL,
    description        VARCHAR(1000),
    customer_email     VARCHAR(254),
    customer_name      VARCHAR(200),
    card_brand         VARCHAR(16),
    card_last4         VARCHAR(4),
    card_expiry_month  INTEGER,
    card_expiry_year   INTEGER,
    failure_code       VARCHAR(64),
    decline_code       VARCHAR(64),
    failure_message    VARCHAR(500),
    refunded_amount    NUMERIC(19,4) NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT        NOT NULL
);

-- Keyset pagination of a merchant's payments, newest first, with and without a status filter.
CREATE INDEX payments_merchant_created ON payments (merchant_id, created_at DESC, id DESC);
CREATE INDEX payments_merchant_status_created ON payments (merchant_id, status, created_at DESC, id DESC);
-- Unfinished payments, resumed after a restart.
CREATE INDEX payments_status ON payments (status);

CREATE TABLE payment_transactions (
    id                      VARCHAR(32)   PRIMARY KEY,
    payment_id              VARCHAR(32)   NOT NULL REFERENCES payments (id),
    type                    VARCHAR(16)   NOT NULL,
    amount                  NUMERIC(19,4) NOT NULL,
    currency                VARCHAR(3)     NOT NULL,
    status                  VARCHAR(16)   NOT NULL,
    gateway_transaction_id  VARCHAR(64)   NOT NULL,
    response_code           VARCHAR(8),
    response_message        VARCHAR(500),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX payment_transactions_payment ON payment_transactions (payment_id, created_at, id);

CREATE TABLE refunds (
    id           VARCHAR(32)   PRIMARY KEY,
    payment_id   VARCHAR(32)   NOT NULL REFERENCES payments (id),
    amount       NUMERIC(19,4) NOT NULL CHECK (amount > 0),
    currency     VARCHAR(3)     NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    reason       VARCHAR(500),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT        NOT NULL
);

CREATE INDEX refunds_payment ON refunds (payment_id, created_at, id);
