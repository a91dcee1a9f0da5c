-- The video library: lessons, room archives and webinars, with chapters, captions, watch progress and daily views.
CREATE TABLE videos (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title             varchar(200) NOT NULL,
    slug              varchar(200) NOT NULL UNIQUE,
    description       text CHECK (length(description) <= 10000),
    kind              text         NOT NULL CHECK (kind IN ('lesson', 'room_archive', 'webinar', 'promo', 'other')),
    status            text         NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    processing_status text         NOT NULL CHECK (processing_status IN ('pending', 'processing', 'ready', 'failed')),
    processing_error  text,
    source            text         NOT NULL CHECK (source IN ('storage', 'external', 'embed')),
    storage_key       text,
    source_url        text,
    embed_provider    text CHECK (embed_provider IN ('youtube', 'vimeo')),
    embed_id          text,
    mime_type         text,
    size_bytes        bigint,
    duration_seconds  int,
    width             int,
    height            int,
    codec             text,
    thumbnail_media_id bigint REFERENCES media (id) ON DELETE SET NULL,
    access            text         NOT NULL DEFAULT 'public' CHECK (access IN ('public', 'members', 'paid')),
    room_product_id   bigint,
    recorded_on       date,
    session_label     varchar(60),
    presenter_user_id bigint,
    published_at      timestamptz,
    view_count        bigint       NOT NULL DEFAULT 0,
    created_by        bigint       NOT NULL,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    version           int          NOT NULL DEFAULT 1,
    CHECK (kind <> 'room_archive' OR (room_product_id IS NOT NULL AND recorded_on IS NOT NULL))
);
CREATE INDEX videos_room_archive ON videos (kind, room_product_id, recorded_on DESC) WHERE status = 'published';
CREATE INDEX videos_published ON videos (published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX videos_admin ON videos (created_at DESC, id DESC);
CREATE INDEX videos_search ON videos USING gin ((lower(title || ' ' || coalesce(description, ''))) gin_trgm_ops);

CREATE TABLE video_products (
    video_id   bigint NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    product_id bigint NOT NULL,
    PRIMARY KEY (video_id, product_id)
);

CREATE TABLE video_chapters (
    video_id      bigint       NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    position      smallint     NOT NULL,
    start_seconds int          NOT NULL,
    title         varchar(100) NOT NULL,
    PRIMARY KEY (video_id, position)
);

CREATE TABLE video_captions (
    video_id    bigint      NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    lang        varchar(35) NOT NULL,
    label       varchar(60) NOT NULL,
    storage_key text        NOT NULL,
    is_default  boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (video_id, lang)
);
CREATE UNIQUE INDEX video_captions_one_default ON video_captions (video_id) WHERE is_default;

CREATE TABLE video_progress (
    user_id              bigint       NOT NULL,
    video_id             bigint       NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    position_seconds     int          NOT NULL DEFAULT 0,
    max_position_seconds int          NOT NULL DEFAULT 0,
    watched_seconds      int          NOT NULL DEFAULT 0,
    percent              numeric(5, 2) NOT NULL DEFAULT 0,
    completed_at         timestamptz,
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, video_id)
);
CREATE INDEX video_progress_recent ON video_progress (user_id, updated_at DESC);
CREATE INDEX video_progress_by_video ON video_progress (video_id, updated_at DESC);

CREATE TABLE video_views_daily (
    video_id       bigint NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    day            date   NOT NULL,
    views          int    NOT NULL DEFAULT 0,
    unique_viewers int    NOT NULL DEFAULT 0,
    watch_seconds  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (video_id, day)
);

-- Row 92's anonymous viewers are a hash of IP and user agent with the day's salt; yesterday's salt is deleted, so
-- hashes cannot be linked across days.
CREATE TABLE video_view_salts (
    day  date  PRIMARY KEY,
    salt bytea NOT NULL
);
