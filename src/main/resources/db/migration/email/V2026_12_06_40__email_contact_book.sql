-- The email module's contact book (06-email.md): contacts, lists and memberships, each contact's change log,
-- and the suppression list. Later email migrations add templates, campaigns, the message log and the rest.

CREATE TABLE email_subscribers (
    id                    bigserial    PRIMARY KEY,
    email                 citext       NOT NULL UNIQUE CHECK (length(email) <= 254),
    email_hash            bytea        NOT NULL,
    name                  varchar(150),
    status                text         NOT NULL DEFAULT 'subscribed'
                                       CHECK (status IN ('subscribed', 'unsubscribed', 'bounced', 'complained')),
    source                text         NOT NULL
                                       CHECK (source IN ('admin', 'import', 'newsletter', 'form', 'workflow', 'api', 'account', 'preferences')),
    user_id               bigint       UNIQUE,
    fields                jsonb        NOT NULL DEFAULT '{}',
    tags                  text[]       NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 100),
    newsletter_status     text         CHECK (newsletter_status IN ('pending', 'subscribed', 'unsubscribed', 'bounced', 'complained')),
    newsletter_categories text[]       NOT NULL DEFAULT '{}',
    token_version         integer      NOT NULL DEFAULT 1,
    soft_bounce_count     smallint     NOT NULL DEFAULT 0,
    soft_bounce_since     timestamptz,
    last_sent_at          timestamptz,
    last_delivered_at     timestamptz,
    last_opened_at        timestamptz,
    last_clicked_at       timestamptz,
    unsubscribed_at       timestamptz,
    unsubscribe_reason    varchar(200),
    created_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at            timestamptz  NOT NULL DEFAULT now(),
    version               integer      NOT NULL DEFAULT 1
);
CREATE INDEX email_subscribers_status ON email_subscribers (status);
CREATE INDEX email_subscribers_tags ON email_subscribers USING gin (tags);
CREATE INDEX email_subscribers_fields ON email_subscribers USING gin (fields jsonb_path_ops);
CREATE INDEX email_subscribers_created ON email_subscribers (created_at);

CREATE TABLE email_lists (
    id                 bigserial    PRIMARY KEY,
    name               varchar(100) NOT NULL,
    slug               varchar(100) NOT NULL UNIQUE,
    description        varchar(500),
    visibility         text         NOT NULL CHECK (visibility IN ('public', 'private')),
    -- Kept by every membership change, in its transaction.
    subscribed_count   integer      NOT NULL DEFAULT 0 CHECK (subscribed_count >= 0),
    unsubscribed_count integer      NOT NULL DEFAULT 0 CHECK (unsubscribed_count >= 0),
    created_by         bigint,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    version            integer      NOT NULL DEFAULT 1
);
CREATE INDEX email_lists_public ON email_lists (name) WHERE visibility = 'public';

CREATE TABLE email_list_subscribers (
    list_id         bigint       NOT NULL REFERENCES email_lists ON DELETE CASCADE,
    subscriber_id   bigint       NOT NULL REFERENCES email_subscribers ON DELETE CASCADE,
    status          text         NOT NULL CHECK (status IN ('subscribed', 'unsubscribed')),
    source          text         NOT NULL CHECK (source IN ('admin', 'import', 'form', 'workflow', 'self', 'api')),
    consent_note    varchar(500),
    subscribed_at   timestamptz  NOT NULL,
    unsubscribed_at timestamptz,
    PRIMARY KEY (list_id, subscriber_id)
);
CREATE INDEX email_list_subscribers_subscriber ON email_list_subscribers (subscriber_id);

CREATE TABLE email_subscriber_changes (
    id            bigserial    PRIMARY KEY,
    subscriber_id bigint       NOT NULL REFERENCES email_subscribers ON DELETE CASCADE,
    actor_kind    text         NOT NULL CHECK (actor_kind IN ('staff', 'recipient', 'system', 'provider', 'import', 'workflow')),
    actor_id      bigint,
    action        text         NOT NULL CHECK (action IN ('created', 'status_changed', 'list_added', 'list_removed', 'tags_changed',
                                                          'fields_changed', 'email_changed', 'suppressed', 'reactivated', 'linked')),
    detail        jsonb        NOT NULL DEFAULT '{}',
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX email_subscriber_changes_subscriber ON email_subscriber_changes (subscriber_id, created_at DESC);

CREATE TABLE email_suppressions (
    id                bigserial    PRIMARY KEY,
    email             citext,
    email_hash        bytea        NOT NULL,
    stream            text         NOT NULL CHECK (stream IN ('transactional', 'broadcast')),
    reason            text         NOT NULL CHECK (reason IN ('hard_bounce', 'spam_complaint', 'manual', 'erased')),
    origin            text         NOT NULL CHECK (origin IN ('provider', 'recipient', 'admin', 'system')),
    provider_synced   boolean      NOT NULL DEFAULT false,
    source_message_id bigint,
    note              varchar(500),
    created_by        bigint,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (email_hash, stream)
);
