package com.revolutiontradingpros.api.platform.mail;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A stored message on its way out: what the transports see. */
record OutgoingMail(long id, String to, String from, @Nullable String replyTo, String subject, String textBody,
        @Nullable String htmlBody, String stream, @Nullable String tag, Map<String, String> metadata, int attempts) {
}
