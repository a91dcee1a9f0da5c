package com.revolutiontradingpros.api.email.lists;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A list; {@code visibility} is public (people join it themselves) or private (staff, imports, forms only). */
public record EmailList(long id, String name, String slug, @Nullable String description, String visibility, int subscribedCount,
        int unsubscribedCount, @Nullable Long createdBy, Instant createdAt, Instant updatedAt) {
}
