-- The blog: posts and pages, their categories, tags, authors, revisions and preview links.
-- User and product ids belong to the auth and commerce modules: stored as plain ids, never joined.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE categories (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           varchar(80)  NOT NULL,
    slug           varchar(200) NOT NULL UNIQUE,
    description    varchar(1000),
    parent_id      bigint REFERENCES categories (id),
    position       int          NOT NULL DEFAULT 0,
    image_media_id bigint,
    post_count     int          NOT NULL DEFAULT 0,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    version        int          NOT NULL DEFAULT 1
);
CREATE INDEX categories_siblings ON categories (parent_id, position, name);

CREATE TABLE tags (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        varchar(60)  NOT NULL,
    slug        varchar(200) NOT NULL UNIQUE,
    description varchar(500),
    is_internal boolean      NOT NULL GENERATED ALWAYS AS (left(name, 1) = '#') STORED,
    post_count  int          NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    version     int          NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX tags_name_ci ON tags (lower(name));
CREATE INDEX tags_name_prefix ON tags (lower(name) text_pattern_ops);

CREATE TABLE posts (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type                 text         NOT NULL DEFAULT 'post' CHECK (type IN ('post', 'page')),
    title                varchar(200) NOT NULL,
    slug                 varchar(200) NOT NULL UNIQUE,
    excerpt              varchar(500),
    body_html            text         NOT NULL DEFAULT '',
    body_json            jsonb,
    body_text            text         NOT NULL DEFAULT '',
    -- What callers without access may read (rule 6): the teaser's text for gated posts, all of it for public ones.
    public_text          text         NOT NULL DEFAULT '',
    -- The excerpt shown when the editor left excerpt empty, cut from the public text.
    auto_excerpt         varchar(500) NOT NULL DEFAULT '',
    teaser_html          text,
    visibility           text         NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'members', 'paid')),
    status               text         NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'published', 'archived')),
    publish_at           timestamptz,
    published_at         timestamptz,
    ever_published       boolean      NOT NULL DEFAULT false,
    featured_media_id    bigint,
    is_featured          boolean      NOT NULL DEFAULT false,
    word_count           int          NOT NULL DEFAULT 0,
    reading_time_minutes int          NOT NULL DEFAULT 1,
    view_count           bigint       NOT NULL DEFAULT 0,
    created_by           bigint       NOT NULL,
    updated_by           bigint       NOT NULL,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    deleted_at           timestamptz,
    version              int          NOT NULL DEFAULT 1
);
-- The public list (rule 7) and the staff tabs read through these.
CREATE INDEX posts_public ON posts (status, type, published_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX posts_staff ON posts (type, updated_at DESC);
CREATE INDEX posts_featured ON posts (type, published_at DESC) WHERE is_featured AND status = 'published' AND deleted_at IS NULL;
CREATE INDEX posts_trashed ON posts (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX posts_title_trgm ON posts USING gin (title gin_trgm_ops);

CREATE TABLE post_authors (
    post_id  bigint   NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id  bigint   NOT NULL,
    position smallint NOT NULL,
    PRIMARY KEY (post_id, user_id)
);
CREATE INDEX post_authors_user ON post_authors (user_id, post_id);

CREATE TABLE post_categories (
    post_id     bigint   NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    category_id bigint   NOT NULL REFERENCES categories (id),
    position    smallint NOT NULL,
    PRIMARY KEY (post_id, category_id)
);
CREATE INDEX post_categories_category ON post_categories (category_id, post_id);

CREATE TABLE post_tag (
    post_id  bigint   NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    tag_id   bigint   NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    position smallint NOT NULL,
    PRIMARY KEY (post_id, tag_id)
);
CREATE INDEX post_tag_tag ON post_tag (tag_id, post_id);

CREATE TABLE post_products (
    post_id    bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    product_id bigint NOT NULL,
    PRIMARY KEY (post_id, product_id)
);

CREATE TABLE post_revisions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id     bigint       NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    kind        text         NOT NULL CHECK (kind IN ('manual', 'autosave', 'publish', 'restore', 'import')),
    title       varchar(200) NOT NULL,
    excerpt     varchar(500),
    body_html   text         NOT NULL,
    body_json   jsonb,
    teaser_html text,
    word_count  int          NOT NULL,
    saved_by    bigint       NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX post_revisions_post ON post_revisions (post_id, id DESC);
CREATE UNIQUE INDEX post_revisions_one_autosave ON post_revisions (post_id, saved_by) WHERE kind = 'autosave';

CREATE TABLE post_preview_tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id      bigint      NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    token_hash   bytea       NOT NULL UNIQUE,
    created_by   bigint      NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX post_preview_tokens_post ON post_preview_tokens (post_id);

CREATE TABLE content_import_jobs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    format      text        NOT NULL CHECK (format IN ('json', 'wxr')),
    status      text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    options     jsonb       NOT NULL,
    file_key    text        NOT NULL,
    created     int         NOT NULL DEFAULT 0,
    skipped     int         NOT NULL DEFAULT 0,
    failed      int         NOT NULL DEFAULT 0,
    errors      jsonb       NOT NULL DEFAULT '[]',
    created_by  bigint      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    started_at  timestamptz,
    finished_at timestamptz
);
