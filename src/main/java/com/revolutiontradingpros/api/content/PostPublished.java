package com.revolutiontradingpros.api.content;

/** A post or page went live (now, or at its scheduled time). */
public record PostPublished(long id, String type, String slug, String url, String visibility, boolean notifySubscribers) {
}
