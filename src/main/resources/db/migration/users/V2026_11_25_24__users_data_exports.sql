-- GDPR exports: a zip in object storage, downloadable through a signed link for 24 hours.
CREATE TABLE data_exports (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status      text        NOT NULL CHECK (status IN ('queued', 'running', 'ready', 'expired', 'failed')),
    file_key    text,
    expires_at  timestamptz,
    error       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);
CREATE INDEX data_exports_user_idx ON data_exports (user_id, created_at DESC);
