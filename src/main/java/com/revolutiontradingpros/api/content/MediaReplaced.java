package com.revolutiontradingpros.api.content;

/** A media item got a new file (replace or edit): its id stays, its URLs change. */
public record MediaReplaced(long id, int fileVersion) {
}
