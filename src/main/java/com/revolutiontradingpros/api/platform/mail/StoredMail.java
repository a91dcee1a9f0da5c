package com.revolutiontradingpros.api.platform.mail;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A row of mail_messages. */
record StoredMail(long id, String to, String from, @Nullable String replyTo, String subject, String textBody,
        @Nullable String htmlBody, String stream, @Nullable String tag, Map<String, String> metadata, String transport,
        String status, int attempts, @Nullable Instant nextAttemptAt, @Nullable String lastError,
        @Nullable String providerMessageId, @Nullable Instant createdAt, @Nullable Instant sentAt) {

    OutgoingMail outgoing() {
        return new OutgoingMail(id, to, from, replyTo, subject, textBody, htmlBody, stream, tag, metadata, attempts);
    }
}
