package com.revolutiontradingpros.api.content;

/** A user watched a video to the end (90 % or marked complete), once per user and video; courses count lessons from it. */
public record VideoCompleted(long userId, long videoId) {
}
