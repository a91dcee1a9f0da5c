package com.revolutiontradingpros.api.content.search;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Meilisearch, when {@code url} is set (MEILISEARCH_URL); otherwise search runs on PostgreSQL.
 *
 * @param index the index searched; a rebuild fills {@code <index>_rebuild} and swaps the two
 */
@ConfigurationProperties("app.search.meilisearch")
record MeilisearchProperties(@Nullable String url, @Nullable String apiKey, @DefaultValue("site") String index,
        @DefaultValue("5s") Duration timeout) {

    boolean enabled() {
        return url != null && !url.isBlank();
    }
}
