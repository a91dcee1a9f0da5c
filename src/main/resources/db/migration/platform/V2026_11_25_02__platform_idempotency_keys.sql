-- Idempotency-Key records: the first response to a key is replayed for 24 hours. A row with no status is a
-- request still being handled.
CREATE TABLE idempotency_keys (
    scope            text        NOT NULL,
    idempotency_key  text        NOT NULL,
    method           text        NOT NULL,
    path             text        NOT NULL,
    request_hash     bytea       NOT NULL,
    status           int,
    response_headers jsonb,
    response_body    bytea,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_keys_expires_at_idx ON idempotency_keys (expires_at);
