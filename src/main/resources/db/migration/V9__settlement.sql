-- Settlement: each merchant's fee plan, the daily settlements with one item per capture and per
-- succeeded refund, the payouts of what is left after fees, and the runs of the settlement job.
-- The job repository of the batch runtime lives in this database too; each server makes its own
-- tables for it.

CREATE TABLE fee_rules (
    id              VARCHAR(32)   PRIMARY KEY,
    merchant_id     VARCHAR(64)   NOT NULL REFERENCES merchants (id),
    -- A payment method (CARD, PAYPAL, BANK_TRANSFER) or * for any.
    payment_method  VARCHAR(16)   NOT NULL,
    -- An ISO 4217 code or * for any.
    currency        VARCHAR(3)    NOT NULL,
    percent         NUMERIC(7,4)  NOT NULL CHECK (percent >= 0 AND percent < 100),
    fixed_minor     BIGINT        NOT NULL CHECK (fixed_minor >= 0),
    UNIQUE (merchant_id, payment_method, currency)
);

CREATE TABLE settlement_runs (
    id                VARCHAR(32)  PRIMARY KEY,
    settlement_date   DATE         NOT NULL,
    merchant_id       VARCHAR(64),
    settled_until     TIMESTAMP WITH TIME ZONE NOT NULL,
    trigger_kind      VARCHAR(16)  NOT NULL,
    -- The date of a scheduled run, so instances sharing the database start each day's once.
    schedule_key      VARCHAR(10)  UNIQUE,
    status            VARCHAR(16)  NOT NULL,
    job_execution_id  BIGINT,
    attempts          INTEGER      NOT NULL,
    lease_until       TIMESTAMP WITH TIME ZONE,
    error             VARCHAR(500),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT       NOT NULL
);

CREATE INDEX settlement_runs_created ON settlement_runs (created_at DESC, id DESC);
CREATE INDEX settlement_runs_status ON settlement_runs (status);

CREATE TABLE settlements (
    id               VARCHAR(32)   PRIMARY KEY,
    merchant_id      VARCHAR(64)   NOT NULL REFERENCES merchants (id),
    currency         VARCHAR(3)    NOT NULL,
    settlement_date  DATE          NOT NULL,
    -- OPEN while its run writes items (never shown), then COMPLETE with its totals.
    status           VARCHAR(16)   NOT NULL,
    settled_until    TIMESTAMP WITH TIME ZONE NOT NULL,
    gross            NUMERIC(19,4) NOT NULL,
    refunds          NUMERIC(19,4) NOT NULL,
    fees             NUMERIC(19,4) NOT NULL,
    net              NUMERIC(19,4) NOT NULL,
    item_count       INTEGER       NOT NULL,
    run_id           VARCHAR(32)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL,
    UNIQUE (merchant_id, currency, settlement_date)
);

CREATE INDEX settlements_merchant_date ON settlements (merchant_id, settlement_date DESC, id DESC);
CREATE INDEX settlements_run ON settlements (run_id, status);

-- source_id is the capture's (or charge's) transaction or the refund: unique, so nothing is
-- settled twice, and what has no item is what is still to settle.
CREATE TABLE settlement_items (
    source_id       VARCHAR(32)   PRIMARY KEY,
    settlement_id   VARCHAR(32)   NOT NULL REFERENCES settlements (id),
    type            VARCHAR(16)   NOT NULL,
    payment_id      VARCHAR(32)   NOT NULL,
    refund_id       VARCHAR(32),
    payment_method  VARCHAR(16)   NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    amount          NUMERIC(19,4) NOT NULL,
    fee             NUMERIC(19,4) NOT NULL,
    net             NUMERIC(19,4) NOT NULL,
    fee_percent     NUMERIC(7,4)  NOT NULL,
    fee_fixed_minor BIGINT        NOT NULL
);

CREATE INDEX settlement_items_settlement ON settlement_items (settlement_id, occurred_at, source_id);

CREATE TABLE payouts (
    id             VARCHAR(32)   PRIMARY KEY,
    merchant_id    VARCHAR(64)   NOT NULL REFERENCES merchants (id),
    settlement_id  VARCHAR(32)   NOT NULL UNIQUE REFERENCES settlements (id),
    amount         NUMERIC(19,4) NOT NULL CHECK (amount > 0),
    currency       VARCHAR(3)    NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    arrival_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at        TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revision       INTEGER       NOT NULL,
    version        BIGINT        NOT NULL
);

CREATE INDEX payouts_merchant_created ON payouts (merchant_id, created_at DESC, id DESC);
CREATE INDEX payouts_due ON payouts (status, arrival_at);

-- The job reads what is still to settle in time order, page by page.
CREATE INDEX payment_transactions_created ON payment_transactions (created_at, id);
CREATE INDEX refunds_updated ON refunds (updated_at, id);
