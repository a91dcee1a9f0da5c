package com.revolutiontradingpros.api.content;

/** A media item was deleted (forced while in use, too): owners drop their references to it. */
public record MediaDeleted(long id) {
}
