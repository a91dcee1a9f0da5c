package com.revolutiontradingpros.api.content;

/** A live post or page changed. */
public record PostUpdated(long id, String type, String slug, String url) {
}
