package com.revolutiontradingpros.api.content.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.events.EventBacklog;
import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.ratelimit.RateLimit;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

/** Type-ahead, and the search's administration: status, rebuild, tuning and the query log (rows 99–104). */
@RestController
@Tag(name = "Search")
class SearchAdminController {


    private final SearchDocuments documents;
    private final SearchSettings settings;
    private final SearchReindex reindex;
    private final EventBacklog backlog;
    private final Meilisearch engine;
    private final MeilisearchSearch meilisearch;
    private final SearchIndexQueue queue;
    private final Clock clock;

    SearchAdminController(SearchDocuments documents, SearchSettings settings, SearchReindex reindex, EventBacklog backlog,
            Meilisearch engine, MeilisearchSearch meilisearch, SearchIndexQueue queue, Clock clock) {
        this.documents = documents;
        this.settings = settings;
        this.reindex = reindex;
        this.backlog = backlog;
        this.engine = engine;
        this.meilisearch = meilisearch;
        this.queue = queue;
        this.clock = clock;
    }

    @GetMapping("/search/suggest")
    @Public
    @RateLimit(name = "search-suggest", capacity = 30, period = "10s")
    @Operation(summary = "Type-ahead: titles starting with q (2–100 chars), then titles within typo distance; up to 10")
    ResponseEntity<List<SearchDocuments.Suggestion>> suggest(@RequestParam(required = false) @Nullable String q) {
        String text = q == null ? "" : q.strip();
        if (text.length() < 2 || text.length() > 100) {
            throw ApiException.invalid("q", "must be 2 to 100 characters");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic()).body(documents.suggest(text, 10));
    }

    record Status(@Schema(allowableValues = {"postgres", "meilisearch"}) String backend, List<SearchDocuments.TypeCount> documents,
            @Nullable Instant lastIndexedAt, @Schema(description = "index work not done yet") long pendingTasks,
            @Schema(description = "age of the oldest pending work") long lagSeconds, @Nullable String lastError) {
    }

    @GetMapping("/search/status")
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Backend in use, documents per type, last indexed at, pending index work and its lag")
    Status status() {
        var counts = documents.counts();
        var last = counts.stream().map(SearchDocuments.TypeCount::lastIndexedAt).filter(java.util.Objects::nonNull).max(Instant::compareTo)
                .orElse(null);
        // Indexing runs as event listeners; what they have not finished yet is the search's backlog, and with
        // Meilisearch so is the queue of changes not pushed yet.
        var listeners = List.of(backlog.of(PostIndexer.class), backlog.of(VideoIndexer.class));
        long pending = listeners.stream().mapToLong(EventBacklog.Backlog::pending).sum();
        var oldest = listeners.stream().map(EventBacklog.Backlog::oldest).filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
        if (!engine.enabled()) {
            return new Status("postgres", counts, last, pending, lagSeconds(oldest), null);
        }
        var pushes = queue.backlog();
        if (pushes.oldest() != null && (oldest == null || pushes.oldest().isBefore(oldest))) {
            oldest = pushes.oldest();
        }
        String lastError = pushes.lastError();
        try {
            var held = meilisearch.counts();
            counts = counts.stream().map(c -> new SearchDocuments.TypeCount(c.type(), held.getOrDefault(c.type(), 0L), c.lastIndexedAt())).toList();
        } catch (Meilisearch.Failure e) {
            lastError = e.getMessage();
        }
        return new Status("meilisearch", counts, last, pending + pushes.pending(), lagSeconds(oldest), lastError);
    }

    private long lagSeconds(@Nullable Instant oldest) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
    }

    record Accepted(List<String> types, String status) {
    }

    @PostMapping("/search/reindex")
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Rebuild the index from source (all or filter[type]); searches use the old documents until the new set commits; 202")
    ResponseEntity<Accepted> reindex(@Parameter(description = "comma list of types") @RequestParam(name = "filter[type]", required = false)
            @Nullable String type) {
        var types = type == null ? SearchReindex.OWN_TYPES : Arrays.stream(type.split(",")).map(String::strip).toList();
        if (types.isEmpty() || !SearchDocuments.TYPES.containsAll(types)) {
            throw ApiException.invalid("filter[type]", "must be a comma list of post, page, product, indicator, course, video");
        }
        reindex.queue(types);
        return ResponseEntity.accepted().body(new Accepted(types, "queued"));
    }

    record SettingsView(List<List<String>> synonyms, List<String> stopWords, Map<String, Double> boosts, @Nullable Long updatedBy,
            Instant updatedAt) {
    }

    @GetMapping("/search/settings")
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Synonym groups, stop words and per-type boosts")
    SettingsView settings() {
        var s = settings.get();
        return new SettingsView(s.synonyms(), s.stopWords(), s.boosts(), s.updatedBy(), s.updatedAt());
    }

    record SettingsChange(@NotNull @Schema(description = "groups such as [tos, thinkorswim]; at most 500") List<List<String>> synonyms,
            @NotNull @Schema(description = "at most 500") List<String> stopWords,
            @NotNull @Schema(description = "type → factor from 0.1 to 10") Map<String, Double> boosts) {
    }

    @PutMapping("/search/settings")
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Replace synonyms, stop words and boosts; applied to PostgreSQL query expansion and ranking at once, and pushed to Meilisearch's index settings")
    SettingsView replaceSettings(CurrentUser caller, @Valid @RequestBody SettingsChange body) {
        var errors = new FieldErrors();
        if (body.synonyms().size() > 500) {
            errors.add("synonyms", "at most 500 groups");
        }
        var groups = new ArrayList<List<String>>();
        for (int i = 0; i < body.synonyms().size() && i < 500; i++) {
            var group = body.synonyms().get(i) == null ? List.<String>of() : body.synonyms().get(i).stream()
                    .map(term -> term == null ? "" : term.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")).distinct().toList();
            if (group.size() < 2 || group.size() > 20 || group.stream().anyMatch(term -> term.isEmpty() || term.length() > 100)) {
                errors.add("synonyms[" + i + "]", "must hold 2 to 20 distinct terms of 1 to 100 characters");
            }
            groups.add(group);
        }
        var stopWords = body.stopWords().stream().map(w -> w == null ? "" : w.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        if (stopWords.size() > 500 || stopWords.stream().anyMatch(w -> w.isEmpty() || w.length() > 50 || w.contains(" "))) {
            errors.add("stop_words", "at most 500 single words of 1 to 50 characters");
        }
        var boosts = new LinkedHashMap<String, Double>();
        body.boosts().forEach((type, factor) -> {
            if (!SearchDocuments.TYPES.contains(type)) {
                errors.add("boosts." + type, "is not a document type");
            } else if (factor == null || factor < 0.1 || factor > 10) {
                errors.add("boosts." + type, "must be from 0.1 to 10");
            } else {
                boosts.put(type, factor);
            }
        });
        errors.throwIfAny();
        var before = settings.get().boosts();
        settings.save(groups, stopWords, boosts, caller.id());
        settings.applyBoosts(boosts, SearchDocuments.TYPES);
        if (engine.enabled()) {
            queue.addSettings();
            // Meilisearch ranks by each document's boost, so the documents of a type whose boost changed go again.
            var changed = SearchDocuments.TYPES.stream().filter(type -> !before.getOrDefault(type, 1.0).equals(boosts.getOrDefault(type, 1.0))).toList();
            if (!changed.isEmpty()) {
                queue.addAllOf(changed);
            }
        }
        return settings();
    }

    @GetMapping("/search/queries")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "What people searched for over ?from&to (default 30 days): searches and zero-result searches per query")
    Page<SearchDocuments.QueryStats> queries(@PageParams(sort = {"searches", "zero_result_searches"}, defaultSort = "-searches",
                    filters = {"zero_results"}) PageQuery query,
            @RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        if (start.isAfter(end)) {
            throw ApiException.invalid("from", "must not be after to");
        }
        String zero = query.filter("zero_results").orElse("false");
        if (!zero.equals("true") && !zero.equals("false")) {
            throw ApiException.invalid("filter[zero_results]", "must be true or false");
        }
        boolean zeroOnly = zero.equals("true");
        String order = query.orderBy(Map.of("searches", "searches", "zero_result_searches", "zero"), "query");
        return query.page(documents.queries(start, end, zeroOnly, order, query.limit(), query.offset()),
                documents.countQueries(start, end, zeroOnly));
    }
}
