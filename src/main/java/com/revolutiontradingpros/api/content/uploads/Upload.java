package com.revolutiontradingpros.api.content.uploads;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An uploads row: a file a browser sends straight to the object store, in one PUT or in parts. */
public record Upload(UUID id, String purpose, String storageKey, String filename, String contentType, long sizeBytes,
        @Nullable String multipartUploadId, @Nullable Long partSize, @Nullable Long targetId, @Nullable Long folderId, String visibility,
        String status, @Nullable Long resultId, long createdBy, Instant createdAt, Instant expiresAt) {

    public boolean multipart() {
        return multipartUploadId != null;
    }
}
