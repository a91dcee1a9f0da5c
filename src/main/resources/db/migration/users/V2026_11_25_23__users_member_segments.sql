-- Saved member filters; their counts are computed live. Commerce filters (product, membership status, churn risk)
-- join the definition once the commerce module exists.
CREATE TABLE member_segments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    description text,
    filters     jsonb       NOT NULL,
    created_by  bigint      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
