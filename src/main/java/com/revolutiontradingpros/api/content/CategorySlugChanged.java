package com.revolutiontradingpros.api.content;

/** A category's URL changed: the SEO module redirects the old path. */
public record CategorySlugChanged(long categoryId, String oldPath, String newPath) {
}
