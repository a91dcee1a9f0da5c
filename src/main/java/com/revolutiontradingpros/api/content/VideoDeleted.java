package com.revolutiontradingpros.api.content;

/** A video is gone (rule 24): course lessons and posts that referenced it clear their references. */
public record VideoDeleted(long id) {
}
