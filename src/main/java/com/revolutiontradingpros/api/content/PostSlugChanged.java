package com.revolutiontradingpros.api.content;

/** The slug of a post that was once published changed: the SEO module redirects the old path. */
public record PostSlugChanged(long id, String oldPath, String newPath) {
}
