package com.revolutiontradingpros.api.content.videos;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A videos row: a stored file, an external stream or an embed, with what the library knows about it. */
record Video(long id, String title, String slug, @Nullable String description, String kind, String status, String processingStatus,
        @Nullable String processingError, String source, @Nullable String storageKey, @Nullable String sourceUrl,
        @Nullable String embedProvider, @Nullable String embedId, @Nullable String mimeType, @Nullable Long sizeBytes,
        @Nullable Integer durationSeconds, @Nullable Integer width, @Nullable Integer height, @Nullable String codec,
        @Nullable Long thumbnailMediaId, String access, @Nullable Long roomProductId, @Nullable LocalDate recordedOn,
        @Nullable String sessionLabel, @Nullable Long presenterUserId, @Nullable Instant publishedAt, long viewCount, long createdBy,
        Instant createdAt, Instant updatedAt, int version) {

    boolean published() {
        return status.equals("published");
    }

    boolean ready() {
        return processingStatus.equals("ready");
    }

    boolean gated() {
        return !access.equals("public");
    }

    boolean stored() {
        return source.equals("storage");
    }
}
