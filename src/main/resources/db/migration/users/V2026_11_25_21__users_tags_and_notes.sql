-- Tags segment members for the staff and for email; notes are the staff's remarks on a user.
CREATE TABLE user_tags (
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tag     text   NOT NULL CHECK (tag = lower(btrim(tag)) AND length(tag) BETWEEN 1 AND 50),
    PRIMARY KEY (user_id, tag)
);
CREATE INDEX user_tags_tag_idx ON user_tags (tag);

CREATE TABLE user_notes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    author_id  bigint      NOT NULL,
    body       text        NOT NULL,
    pinned     boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_notes_user_idx ON user_notes (user_id, pinned DESC, created_at DESC);
