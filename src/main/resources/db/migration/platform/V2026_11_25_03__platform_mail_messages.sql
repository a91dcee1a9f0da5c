-- Every transactional email, whatever the transport: written in the sender's transaction, then delivered
-- (and retried) by the mail dispatcher. With the outbox transport, messages stop at 'stored'.
CREATE TABLE mail_messages (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    to_address          text        NOT NULL,
    from_address        text        NOT NULL,
    reply_to            text,
    subject             text        NOT NULL,
    text_body           text        NOT NULL,
    html_body           text,
    stream              text        NOT NULL DEFAULT 'transactional',
    tag                 text,
    metadata            jsonb       NOT NULL DEFAULT '{}',
    transport           text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('queued', 'sent', 'stored', 'failed')),
    attempts            int         NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz,
    last_error          text,
    provider_message_id text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    sent_at             timestamptz
);
CREATE INDEX mail_messages_due_idx ON mail_messages (next_attempt_at) WHERE status = 'queued';
CREATE INDEX mail_messages_created_at_idx ON mail_messages (created_at DESC, id DESC);
CREATE INDEX mail_messages_to_address_idx ON mail_messages (lower(to_address));
