package com.revolutiontradingpros.api.email.contacts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A contact of the email contact book. {@code status} is subscribed, unsubscribed, bounced or complained. */
public record Contact(long id, String email, @Nullable String name, String status, String source, @Nullable Long userId,
        int tokenVersion, @Nullable Instant unsubscribedAt, Instant createdAt, Instant updatedAt) {

    /** Bounced and complained addresses get no marketing email, whoever asks. */
    public boolean suppressed() {
        return "bounced".equals(status) || "complained".equals(status);
    }
}
