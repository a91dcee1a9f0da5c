package com.revolutiontradingpros.api.content.media;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A media_folders row. */
record MediaFolder(long id, String name, @Nullable Long parentId, Instant createdAt) {
}
