package com.revolutiontradingpros.api.content.tags;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A tags row; {@code #}-names are internal (never shown to the public). */
public record Tag(long id, String name, String slug, @Nullable String description, boolean internal, int postCount, Instant createdAt,
        Instant updatedAt, int version) {
}
