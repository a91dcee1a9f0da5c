package com.revolutiontradingpros.api.content.media;

import org.jspecify.annotations.Nullable;

/** A file as the library stored it: where, what it turned out to be, and its facts. */
record StoredFile(String storageKey, String filename, FileType type, long sizeBytes, @Nullable Integer width, @Nullable Integer height,
        byte[] checksum) {
}
