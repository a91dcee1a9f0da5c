-- Site search: one document per searchable entity of any module (public text only), the daily query log and
-- the tuning settings.
CREATE TABLE search_documents (
    type         text   NOT NULL CHECK (type IN ('post', 'page', 'product', 'indicator', 'course', 'video')),
    ref_id       bigint NOT NULL,
    title        text   NOT NULL,
    summary      text   NOT NULL DEFAULT '',
    body         text   NOT NULL DEFAULT '',
    url          text   NOT NULL,
    image_url    text,
    locked       boolean NOT NULL DEFAULT false,
    published_at timestamptz,
    boost        real   NOT NULL DEFAULT 1,
    indexed_at   timestamptz NOT NULL DEFAULT now(),
    tsv          tsvector GENERATED ALWAYS AS (
                     setweight(to_tsvector('english', title), 'A') ||
                     setweight(to_tsvector('english', summary), 'B') ||
                     setweight(to_tsvector('english', left(body, 500000)), 'C')) STORED,
    PRIMARY KEY (type, ref_id)
);
CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv);
CREATE INDEX search_documents_title_trgm ON search_documents USING gin (title gin_trgm_ops);
CREATE INDEX search_documents_summary_trgm ON search_documents USING gin (summary gin_trgm_ops);

CREATE TABLE search_queries_daily (
    day                  date        NOT NULL,
    query                varchar(200) NOT NULL,
    searches             int         NOT NULL DEFAULT 0,
    zero_result_searches int         NOT NULL DEFAULT 0,
    PRIMARY KEY (day, query)
);

CREATE TABLE search_settings (
    id         boolean     PRIMARY KEY DEFAULT true CHECK (id),
    synonyms   jsonb       NOT NULL DEFAULT '[]',
    stop_words text[]      NOT NULL DEFAULT '{}',
    boosts     jsonb       NOT NULL DEFAULT '{}',
    updated_by bigint,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO search_settings DEFAULT VALUES;

-- Index work waiting for the engine (Meilisearch); PostgreSQL search writes search_documents directly.
CREATE TABLE search_index_queue (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type        text        NOT NULL,
    ref_id      bigint      NOT NULL,
    action      text        NOT NULL CHECK (action IN ('upsert', 'remove')),
    attempts    int         NOT NULL DEFAULT 0,
    last_error  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    next_try_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX search_index_queue_due ON search_index_queue (next_try_at);
