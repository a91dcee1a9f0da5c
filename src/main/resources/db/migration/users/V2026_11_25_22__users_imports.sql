-- CSV imports of users, run as background jobs; the report keeps the first 1,000 line errors.
CREATE TABLE user_imports (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_by  bigint      NOT NULL,
    file_key    text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    lines       int         NOT NULL DEFAULT 0,
    created     int         NOT NULL DEFAULT 0,
    updated     int         NOT NULL DEFAULT 0,
    unchanged   int         NOT NULL DEFAULT 0,
    failed      int         NOT NULL DEFAULT 0,
    errors      jsonb       NOT NULL DEFAULT '[]',
    message     text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    started_at  timestamptz,
    finished_at timestamptz
);
