package com.revolutiontradingpros.api.content.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Row 98 on Meilisearch: the same answer as the PostgreSQL search, from one search request with facets and crops. */
@Component
class MeilisearchSearch {

    // Marks that cannot occur in document text, so the text can be escaped before the marks become <mark> tags.
    private static final String START = "\u0001";
    private static final String END = "\u0002";

    private final Meilisearch engine;

    MeilisearchSearch(Meilisearch engine) {
        this.engine = engine;
    }

    SearchController.Found search(String q, List<String> types, int limit, long offset) {
        var query = new LinkedHashMap<String, Object>();
        query.put("q", q);
        query.put("filter", "type IN [" + String.join(", ", types) + "]");
        query.put("limit", limit);
        query.put("offset", offset);
        query.put("facets", List.of("type"));
        query.put("attributesToRetrieve", List.of("type", "ref_id", "title", "url", "image_url", "published_at", "locked"));
        query.put("attributesToCrop", List.of("summary", "body"));
        query.put("cropLength", 30);
        query.put("attributesToHighlight", List.of("summary", "body"));
        query.put("highlightPreTag", START);
        query.put("highlightPostTag", END);
        JsonNode answer = engine.search(engine.index(), query);
        var hits = new ArrayList<SearchController.Hit>();
        for (JsonNode hit : answer.path("hits")) {
            JsonNode formatted = hit.path("_formatted");
            String summary = formatted.path("summary").asString("");
            String snippet = summary.contains(START) || formatted.path("body").asString("").isBlank() ? summary : formatted.path("body").asString("");
            hits.add(new SearchController.Hit(hit.path("type").asString(), hit.path("ref_id").asLong(), hit.path("title").asString(),
                    hit.path("url").asString(), marked(snippet), hit.path("image_url").isString() ? hit.path("image_url").asString() : null,
                    hit.path("published_at").canConvertToLong() ? Instant.ofEpochSecond(hit.path("published_at").asLong()) : null,
                    hit.path("locked").asBoolean(false)));
        }
        var facets = new LinkedHashMap<String, Long>();
        answer.path("facetDistribution").path("type").properties().forEach(entry -> facets.put(entry.getKey(), entry.getValue().asLong()));
        return new SearchController.Found(hits, answer.path("estimatedTotalHits").asLong(hits.size()), facets);
    }

    /** Documents per type, as Meilisearch holds them. */
    Map<String, Long> counts() {
        JsonNode answer = engine.search(engine.index(), Map.of("q", "", "limit", 0, "facets", List.of("type")));
        var counts = new LinkedHashMap<String, Long>();
        answer.path("facetDistribution").path("type").properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        return counts;
    }

    private static String marked(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(START, "<mark>").replace(END, "</mark>");
    }
}
