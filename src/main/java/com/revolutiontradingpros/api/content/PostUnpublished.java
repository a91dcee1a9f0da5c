package com.revolutiontradingpros.api.content;

/** A live post or page left the site: unpublished, archived or trashed. */
public record PostUnpublished(long id, String type, String slug, String url) {
}
