package com.revolutiontradingpros.api.content;

/** A post or page was deleted for good. */
public record PostDeleted(long id, String type, String slug) {
}
