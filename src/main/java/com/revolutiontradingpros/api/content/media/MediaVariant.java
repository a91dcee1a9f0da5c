package com.revolutiontradingpros.api.content.media;

/** A media_variants row: a resized copy of an image, in the original's format or WebP. */
public record MediaVariant(long mediaId, String name, String format, int width, int height, long sizeBytes, String storageKey) {
}
