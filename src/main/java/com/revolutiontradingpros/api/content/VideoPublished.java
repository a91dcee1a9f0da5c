package com.revolutiontradingpros.api.content;

import org.jspecify.annotations.Nullable;

/** A video went live; room archives carry their room so members of that room can be told. */
public record VideoPublished(long id, String slug, String kind, String url, String access, @Nullable Long roomProductId) {
}
