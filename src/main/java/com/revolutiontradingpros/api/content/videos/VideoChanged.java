package com.revolutiontradingpros.api.content.videos;

/** Something the public may see of a video changed: caches drop and its search document is rebuilt. */
public record VideoChanged(long id) {
}
