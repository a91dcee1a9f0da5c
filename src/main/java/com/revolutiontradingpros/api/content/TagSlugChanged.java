package com.revolutiontradingpros.api.content;

/** A tag's URL changed: the SEO module redirects the old path. */
public record TagSlugChanged(long tagId, String oldPath, String newPath) {
}
