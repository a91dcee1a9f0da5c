-- The users module's own data about an account (the account itself belongs to auth).
CREATE TABLE user_profiles (
    user_id               bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    display_name          text,
    avatar_key            text,
    bio                   text,
    timezone              text,
    locale                text,
    phone                 text,
    country               text,
    trading_experience    text CHECK (trading_experience IN ('beginner', 'intermediate', 'advanced', 'professional')),
    tradingview_username  text,
    thinkorswim_username  text,
    marketing_opt_in      boolean     NOT NULL DEFAULT false,
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_preferences (
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key     text   NOT NULL,
    value   jsonb  NOT NULL,
    PRIMARY KEY (user_id, key)
);

-- Only the switches a member changed are stored; the rest take the defaults in code.
CREATE TABLE notification_settings (
    user_id bigint  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    channel text    NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
    topic   text    NOT NULL,
    enabled boolean NOT NULL,
    PRIMARY KEY (user_id, channel, topic)
);

CREATE TABLE activity_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint      NOT NULL,
    actor_id     bigint,
    action       text        NOT NULL,
    subject_type text,
    subject_id   text,
    meta         jsonb       NOT NULL DEFAULT '{}',
    ip           inet,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activity_log_user_idx ON activity_log (user_id, created_at DESC, id DESC);
