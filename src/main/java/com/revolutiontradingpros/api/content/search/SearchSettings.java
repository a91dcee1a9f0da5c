package com.revolutiontradingpros.api.content.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.platform.cache.Caches;
import com.revolutiontradingpros.api.platform.cache.NamedCache;

/** The single search_settings row: synonym groups, stop words and per-type boosts (rows 102–103). */
@Repository
class SearchSettings {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    // Every search reads the settings: kept in memory, dropped on every node when they change.
    private final NamedCache<Settings> cache;
    private final SearchResults results;

    SearchSettings(JdbcClient jdbc, JsonMapper json, Caches caches, SearchResults results) {
        this.results = results;
        this.jdbc = jdbc;
        this.json = json;
        this.cache = caches.create("content.search-settings", Duration.ofMinutes(5), 1);
    }

    record Settings(List<List<String>> synonyms, List<String> stopWords, Map<String, Double> boosts, @Nullable Long updatedBy,
            Instant updatedAt) {

        /**
         * The query with stop words removed, then every variant where one word (or phrase) of a synonym group is swapped
         * for another member of its group: searching for "tos setup" also finds "thinkorswim setup".
         */
        List<String> expand(String q) {
            String cleaned = Arrays.stream(q.split("\\s+")).filter(w -> !stopWords.contains(w.toLowerCase(Locale.ROOT)))
                    .collect(Collectors.joining(" "));
            String base = cleaned.isBlank() ? q : cleaned;
            var variants = new ArrayList<String>(List.of(base));
            String lower = " " + base.toLowerCase(Locale.ROOT) + " ";
            for (List<String> group : synonyms) {
                for (String term : group) {
                    if (lower.contains(" " + term + " ")) {
                        group.stream().filter(other -> !other.equals(term)).limit(9)
                                .forEach(other -> variants.add(lower.replace(" " + term + " ", " " + other + " ").strip()));
                    }
                }
            }
            return variants.stream().distinct().limit(10).toList();
        }
    }

    Settings get() {
        return cache.get("settings", key -> load());
    }

    private Settings load() {
        return jdbc.sql("SELECT synonyms::text, stop_words, boosts::text, updated_by, updated_at FROM search_settings")
                .query((rs, n) -> new Settings(json.readValue(rs.getString(1), new TypeReference<List<List<String>>>() { }),
                        List.of((String[]) rs.getArray(2).getArray()),
                        json.readValue(rs.getString(3), new TypeReference<LinkedHashMap<String, Double>>() { }),
                        rs.getObject(4, Long.class), rs.getTimestamp(5).toInstant()))
                .single();
    }

    void save(List<List<String>> synonyms, List<String> stopWords, Map<String, Double> boosts, long by) {
        jdbc.sql("""
                UPDATE search_settings SET synonyms = CAST(:synonyms AS jsonb), stop_words = :stopWords, boosts = CAST(:boosts AS jsonb),
                       updated_by = :by, updated_at = now()""")
                .param("synonyms", json.writeValueAsString(synonyms)).param("stopWords", stopWords.toArray(String[]::new))
                .param("boosts", json.writeValueAsString(boosts)).param("by", by).update();
        cache.invalidateAll();
        results.changed();
    }

    /** Applies the boosts to the stored documents, which carry theirs for ranking. */
    void applyBoosts(Map<String, Double> boosts, Set<String> types) {
        for (String type : types) {
            jdbc.sql("UPDATE search_documents SET boost = :boost WHERE type = :type AND boost <> :boost")
                    .param("boost", boosts.getOrDefault(type, 1.0)).param("type", type).update();
        }
    }
}
