package com.revolutiontradingpros.api.content.media;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A media row: one file in the library. */
public record MediaItem(long id, String storageKey, String originalFilename, String mimeType, String kind, long sizeBytes,
        @Nullable Integer width, @Nullable Integer height, byte[] checksum, @Nullable String altText, @Nullable String title,
        @Nullable String caption, @Nullable Long folderId, String visibility, BigDecimal focalX, BigDecimal focalY,
        String variantsStatus, int fileVersion, long uploadedBy, Instant createdAt, Instant updatedAt, int version) {

    public boolean isPublic() {
        return visibility.equals("public");
    }

    public boolean isImage() {
        return kind.equals("image");
    }

    /** Images whose pixels this app can read: variants, edits and focal points apply to them. */
    public boolean isRaster() {
        return type().isRaster();
    }

    /** The stored file's type, with the extension its key was given. */
    FileType type() {
        return new FileType(mimeType, kind, storageKey.substring(storageKey.lastIndexOf('.') + 1));
    }
}
