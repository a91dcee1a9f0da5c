package com.revolutiontradingpros.api.content.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.ratelimit.RateLimit;
import com.revolutiontradingpros.api.platform.security.Callers;
import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

/**
 * Site search (rule 33). On PostgreSQL: websearch syntax over the weighted tsvector, ranked by ts_rank_cd; when that
 * finds fewer than 3 documents, any of the words or a title within typo distance also match. With Meilisearch
 * configured it answers instead, and PostgreSQL stands in while it is unreachable.
 */
@RestController
@Public
@Tag(name = "Search")
class SearchController {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int FALLBACK_BELOW = 3;
    // Snippets are HTML: the document text is escaped before ts_headline marks the matches.
    private static final String ESCAPED = "replace(replace(replace(d.summary || ' ' || left(d.body, 20000), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')";

    private static final Logger log = LoggerFactory.getLogger(SearchController.class);

    private final JdbcClient jdbc;
    private final SearchSettings settings;
    private final Meilisearch engine;
    private final MeilisearchSearch meilisearch;
    private final SearchQueryLog queryLog;
    private final SearchResults results;

    SearchController(JdbcClient jdbc, SearchSettings settings, Meilisearch engine, MeilisearchSearch meilisearch, SearchQueryLog queryLog,
            SearchResults results) {
        this.jdbc = jdbc;
        this.results = results;
        this.queryLog = queryLog;
        this.settings = settings;
        this.engine = engine;
        this.meilisearch = meilisearch;
    }

    record Hit(String type, long id, String title, String url, @Schema(description = "HTML; matches in <mark>") String snippet,
            @Nullable String imageUrl, @Nullable Instant publishedAt, boolean locked) {
    }

    record Meta(int page, int perPage, long total, long totalPages, Map<String, Long> facets, String backend) {
    }

    record Results(List<Hit> data, Meta meta) {
    }

    /** A page of hits with the total and the count per type, from either engine. */
    record Found(List<Hit> hits, long total, Map<String, Long> facets) {
    }

    @GetMapping("/search")
    @RateLimit(name = "search", capacity = 60, period = "10s")
    @Operation(summary = "Search posts, pages, products, indicators, courses and videos; typo tolerant; gated items flagged locked")
    ResponseEntity<Results> search(@PageParams(filters = {"type"}, searchable = true, maxPerPage = 50) PageQuery query) {
        var errors = new FieldErrors();
        String q = query.search().map(String::strip).orElse(null);
        if (q == null) {
            errors.add("q", "is required");
        }
        List<String> types = query.filter("type").map(t -> Arrays.stream(t.split(",")).map(String::strip).toList()).orElse(List.copyOf(SearchDocuments.TYPES));
        types.stream().filter(t -> !SearchDocuments.TYPES.contains(t)).findFirst()
                .ifPresent(t -> errors.add("filter[type]", "must be a comma list of post, page, product, indicator, course, video"));
        errors.throwIfAny();

        var answer = results.get(String.join(",", types) + "|" + query.page() + "|" + query.perPage() + "|" + q, () -> find(q, types, query));
        var found = answer.found();
        String backend = answer.backend();
        logQuery(q, found.total());
        long pages = found.total() == 0 ? 0 : (found.total() + query.perPage() - 1) / query.perPage();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Results(found.hits(), new Meta(query.page(), query.perPage(), found.total(), pages, found.facets(), backend)));
    }

    private SearchResults.Answer find(String q, List<String> types, PageQuery query) {
        if (engine.enabled()) {
            try {
                return new SearchResults.Answer(meilisearch.search(q, types, query.limit(), query.offset()), "meilisearch");
            } catch (Meilisearch.Failure e) {
                // PostgreSQL holds every document too, so an outage of the engine costs quality, not answers.
                log.warn("Meilisearch search failed, answering from PostgreSQL: {}", e.getMessage());
            }
        }
        return new SearchResults.Answer(postgres(q, types, query), "postgres");
    }

    private Found postgres(String q, List<String> types, PageQuery query) {
        // Synonyms and stop words (row 103): the query and its synonym variants, any of which may match.
        var variants = settings.get().expand(q);
        var tsquery = new StringJoiner(" || ", "(", ")");
        for (int i = 0; i < variants.size(); i++) {
            tsquery.add("websearch_to_tsquery('english', :q" + i + ")");
        }
        var exact = new Query("tsv @@ " + tsquery, "ts_rank_cd(d.tsv, " + tsquery + ")", tsquery.toString(), null, variants);
        // Counted per type in one pass: the facets, and their sum is the total.
        var facets = facets(exact, q, types);
        long total = sum(facets);
        Query used = exact;
        if (total < FALLBACK_BELOW) {
            var words = WORD.matcher(q.toLowerCase(Locale.ROOT)).results().map(m -> m.group()).limit(20).toList();
            String any = String.join(" | ", words);
            if (!words.isEmpty()) {
                // Widened, never narrowed: what the exact query found stays in.
                used = new Query("(" + exact.match() + " OR tsv @@ to_tsquery('english', :any) OR :q <% d.title OR :q <% d.summary)",
                        "greatest(" + exact.rank() + ", ts_rank_cd(d.tsv, to_tsquery('english', :any)), word_similarity(:q, d.title))",
                        "(" + exact.tsquery() + " || to_tsquery('english', :any))", any, variants);
                facets = facets(used, q, types);
                total = sum(facets);
            }
        }
        var hits = new ArrayList<Hit>();
        if (total > 0) {
            var params = used.params(q, types);
            params.put("limit", query.limit());
            params.put("offset", query.offset());
            hits.addAll(jdbc.sql("SELECT d.type, d.ref_id, d.title, d.url, d.image_url, d.published_at, d.locked, ts_headline('english', "
                            + ESCAPED + ", " + used.tsquery() + ", 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2')"
                            + " AS snippet FROM search_documents d WHERE " + used.match() + " AND d.type IN (:types)"
                            + " ORDER BY " + used.rank() + " * d.boost DESC, d.published_at DESC NULLS LAST, d.ref_id DESC LIMIT :limit OFFSET :offset")
                    .params(params)
                    .query((rs, n) -> new Hit(rs.getString("type"), rs.getLong("ref_id"), rs.getString("title"), rs.getString("url"),
                            rs.getString("snippet"), rs.getString("image_url"),
                            rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(), rs.getBoolean("locked")))
                    .list());
        }
        return new Found(hits, total, facets);
    }

    private Map<String, Long> facets(Query query, String q, List<String> types) {
        var facets = new LinkedHashMap<String, Long>();
        jdbc.sql("SELECT d.type, count(*) FROM search_documents d WHERE " + query.match() + " AND d.type IN (:types) GROUP BY d.type ORDER BY 2 DESC")
                .params(query.params(q, types)).query((RowCallbackHandler) rs -> facets.put(rs.getString(1), rs.getLong(2)));
        return facets;
    }

    private static long sum(Map<String, Long> facets) {
        return facets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rule 34: the staff's own searches are not logged. */
    private void logQuery(String q, long total) {
        if (!Callers.current().map(caller -> caller.has(Role.EDITOR)).orElse(false)) {
            queryLog.record(q, total);
        }
    }

    /** One way of matching: its WHERE condition, rank and tsquery (for snippets), and the OR-ed words when widened. */
    private record Query(String match, String rank, String tsquery, @Nullable String any, List<String> variants) {

        Map<String, Object> params(String q, List<String> types) {
            var params = new LinkedHashMap<String, Object>();
            params.put("q", q);
            for (int i = 0; i < variants.size(); i++) {
                params.put("q" + i, variants.get(i));
            }
            params.put("types", types);
            if (any != null) {
                params.put("any", any);
            }
            return params;
        }
    }
}
