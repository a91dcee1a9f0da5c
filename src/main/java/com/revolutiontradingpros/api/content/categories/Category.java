package com.revolutiontradingpros.api.content.categories;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A categories row. */
public record Category(long id, String name, String slug, @Nullable String description, @Nullable Long parentId, int position,
        @Nullable Long imageMediaId, int postCount, Instant createdAt, Instant updatedAt, int version) {

    public String etag() {
        return "W/\"c" + id + "-" + version + '"';
    }
}
