-- The media library: files on the object store, their variants, folders, direct uploads and where they are used.
CREATE TABLE media_folders (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       varchar(100) NOT NULL,
    parent_id  bigint REFERENCES media_folders (id),
    created_at timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX media_folders_sibling_names ON media_folders (coalesce(parent_id, 0), lower(name));

CREATE TABLE media (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    storage_key       text          NOT NULL UNIQUE,
    original_filename varchar(255)  NOT NULL,
    mime_type         text          NOT NULL,
    kind              text          NOT NULL CHECK (kind IN ('image', 'video', 'audio', 'document', 'archive', 'other')),
    size_bytes        bigint        NOT NULL,
    width             int,
    height            int,
    checksum_sha256   bytea         NOT NULL,
    alt_text          varchar(1000),
    title             varchar(200),
    caption           varchar(2000),
    folder_id         bigint REFERENCES media_folders (id),
    visibility        text          NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'private')),
    focal_x           numeric(4, 3) NOT NULL DEFAULT 0.5 CHECK (focal_x BETWEEN 0 AND 1),
    focal_y           numeric(4, 3) NOT NULL DEFAULT 0.5 CHECK (focal_y BETWEEN 0 AND 1),
    variants_status   text          NOT NULL DEFAULT 'none' CHECK (variants_status IN ('none', 'pending', 'ready', 'failed')),
    file_version      int           NOT NULL DEFAULT 1,
    uploaded_by       bigint        NOT NULL,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    version           int           NOT NULL DEFAULT 1
);
CREATE INDEX media_library ON media (created_at DESC, id DESC);
CREATE INDEX media_by_folder ON media (folder_id, created_at DESC);
CREATE INDEX media_by_uploader ON media (uploaded_by, created_at DESC);
CREATE INDEX media_search ON media USING gin ((lower(original_filename || ' ' || coalesce(title, '') || ' ' || coalesce(alt_text, ''))) gin_trgm_ops);

CREATE TABLE media_variants (
    media_id    bigint NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    name        text   NOT NULL CHECK (name IN ('thumb', 'sm', 'md', 'lg')),
    format      text   NOT NULL CHECK (format IN ('original', 'webp')),
    width       int    NOT NULL,
    height      int    NOT NULL,
    size_bytes  bigint NOT NULL,
    storage_key text   NOT NULL UNIQUE,
    PRIMARY KEY (media_id, name, format)
);

-- Objects to delete later: a replaced file stays readable for 24 h so pages cached with its URL keep working.
CREATE TABLE media_object_deletions (
    storage_key text        PRIMARY KEY,
    delete_after timestamptz NOT NULL
);

CREATE TABLE asset_usages (
    asset_type text   NOT NULL CHECK (asset_type IN ('media', 'video')),
    asset_id   bigint NOT NULL,
    module     text   NOT NULL,
    owner_type text   NOT NULL,
    owner_id   bigint NOT NULL,
    field      text   NOT NULL,
    title      text,
    admin_url  text,
    PRIMARY KEY (asset_type, asset_id, module, owner_type, owner_id, field)
);
CREATE INDEX asset_usages_by_owner ON asset_usages (module, owner_type, owner_id);

CREATE TABLE uploads (
    id                  uuid        PRIMARY KEY,
    purpose             text        NOT NULL CHECK (purpose IN ('media', 'media_replace', 'video')),
    storage_key         text        NOT NULL,
    filename            varchar(255) NOT NULL,
    content_type        text        NOT NULL,
    size_bytes          bigint      NOT NULL,
    multipart_upload_id text,
    part_size           bigint,
    target_id           bigint,
    folder_id           bigint,
    visibility          text        NOT NULL DEFAULT 'public',
    status              text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'completed', 'aborted', 'expired')),
    -- What completing produced (the media item), so completing twice answers the same.
    result_id           bigint,
    created_by          bigint      NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    expires_at          timestamptz NOT NULL
);
CREATE INDEX uploads_pending ON uploads (expires_at) WHERE status = 'pending';

ALTER TABLE posts ADD CONSTRAINT posts_featured_media FOREIGN KEY (featured_media_id) REFERENCES media (id) ON DELETE SET NULL;
ALTER TABLE categories ADD CONSTRAINT categories_image_media FOREIGN KEY (image_media_id) REFERENCES media (id) ON DELETE SET NULL;
