package com.revolutiontradingpros.api.platform.mail;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An email to send. Every message has a plain-text body; the HTML body is optional.
 *
 * @param stream {@code transactional} (account and order mail) or {@code broadcast} (newsletters, campaigns),
 *        matching Postmark's message streams
 * @param tag a short label for grouping in reports, such as {@code password-reset}
 * @param metadata free-form key/values passed to the provider and shown in the outbox
 * @param from overrides the configured sender
 */
public record MailMessage(
        String to,
        String subject,
        String textBody,
        @Nullable String htmlBody,
        String stream,
        @Nullable String tag,
        Map<String, String> metadata,
        @Nullable String from,
        @Nullable String replyTo) {

    public static final String TRANSACTIONAL = "transactional";
    public static final String BROADCAST = "broadcast";

    public MailMessage {
        if (to.isBlank() || subject.isBlank() || textBody.isBlank()) {
            throw new IllegalArgumentException("a mail needs a recipient, a subject and a plain-text body");
        }
        if (!TRANSACTIONAL.equals(stream) && !BROADCAST.equals(stream)) {
            throw new IllegalArgumentException("unknown mail stream " + stream);
        }
        metadata = Map.copyOf(metadata);
    }

    /** A transactional message with a plain-text and an HTML body. */
    public static MailMessage transactional(String to, String subject, String textBody, @Nullable String htmlBody,
            String tag) {
        return new MailMessage(to, subject, textBody, htmlBody, TRANSACTIONAL, tag, Map.of(), null, null);
    }
}
