package com.revolutiontradingpros.api.content.cache;

/** Something the public reads changed (a post, category or tag): the public caches drop their copies after commit. */
public record PublicContentChanged() {
}
