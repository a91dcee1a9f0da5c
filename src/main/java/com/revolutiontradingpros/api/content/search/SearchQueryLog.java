package com.revolutiontradingpros.api.content.search;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.platform.tally.Tallies;

/**
 * Rule 34: searches per normalised query and day, with how many found nothing. Added up in memory and written every
 * few seconds, because every visitor typing the same popular query would otherwise queue on one row.
 */
@Component
class SearchQueryLog {

    static final Duration WRITE_EVERY = Duration.ofSeconds(3);

    private record Key(LocalDate day, String query) {
    }

    private final Clock clock;
    private final Tallies<Key> tallies;

    SearchQueryLog(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.tallies = new Tallies<>("search-queries", 2, WRITE_EVERY, (key, sums) -> jdbc.sql("""
                INSERT INTO search_queries_daily (day, query, searches, zero_result_searches) VALUES (:day, :query, :searches, :zero)
                ON CONFLICT (day, query) DO UPDATE SET searches = search_queries_daily.searches + EXCLUDED.searches,
                    zero_result_searches = search_queries_daily.zero_result_searches + EXCLUDED.zero_result_searches""")
                .param("day", key.day()).param("query", key.query()).param("searches", sums[0]).param("zero", sums[1]).update());
    }

    /** Counts a search; queries shorter than two characters are not kept. */
    void record(String q, long total) {
        String normalised = q.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        if (normalised.length() < 2) {
            return;
        }
        tallies.add(new Key(LocalDate.now(clock.withZone(ZoneOffset.UTC)), normalised.length() > 200 ? normalised.substring(0, 200) : normalised),
                1, total == 0 ? 1 : 0);
    }

    @PreDestroy
    void stop() {
        tallies.close();
    }
}
