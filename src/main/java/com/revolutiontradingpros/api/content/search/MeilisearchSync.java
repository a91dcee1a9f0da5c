package com.revolutiontradingpros.api.content.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps Meilisearch in step with search_documents: a job every second pushes what the queue holds (documents as
 * they are now, removals, settings), and a rebuild fills a fresh index and swaps it in. Both hold one PostgreSQL
 * advisory lock, so pushes wait while a rebuild runs and then land in the new index.
 */
@Component
class MeilisearchSync {

    private static final Logger log = LoggerFactory.getLogger(MeilisearchSync.class);
    private static final int PUSH_BATCH = 500;
    private static final int REBUILD_BATCH = 1000;
    private static final Duration TASK_WAIT = Duration.ofSeconds(30);
    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('content-search-engine'))";

    private final Meilisearch engine;
    private final SearchIndexQueue queue;
    private final SearchDocuments documents;
    private final SearchSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SearchResults results;

    MeilisearchSync(Meilisearch engine, SearchIndexQueue queue, SearchDocuments documents, SearchSettings settings, JdbcClient jdbc,
            TransactionTemplate transactions, SearchResults results) {
        this.results = results;
        this.engine = engine;
        this.queue = queue;
        this.documents = documents;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Index settings travel through the queue too, so a node that starts against a fresh Meilisearch sets it up. */
    @EventListener(ApplicationReadyEvent.class)
    void queueSettingsOnStart() {
        if (engine.enabled()) {
            queue.addSettings();
        }
    }

    /** One round of the push job; the queue rows are deleted only when Meilisearch has applied them. */
    void push() {
        transactions.executeWithoutResult(status -> {
            if (!Boolean.TRUE.equals(jdbc.sql(LOCK).query(Boolean.class).single())) {
                return;
            }
            var work = queue.claim(PUSH_BATCH);
            if (work.isEmpty()) {
                return;
            }
            var ids = work.stream().map(SearchIndexQueue.Work::id).toList();
            try {
                String index = engine.index();
                if (work.stream().anyMatch(w -> w.action().equals(SearchIndexQueue.SETTINGS))) {
                    ensureIndex(index);
                    engine.await(engine.updateSettings(index, indexSettings()), TASK_WAIT);
                }
                var upserts = new ArrayList<Map<String, @Nullable Object>>();
                var removals = new ArrayList<String>();
                var byType = work.stream().filter(w -> !w.action().equals(SearchIndexQueue.SETTINGS))
                        .collect(Collectors.groupingBy(SearchIndexQueue.Work::type, Collectors.mapping(SearchIndexQueue.Work::refId, Collectors.toSet())));
                byType.forEach((type, refIds) -> {
                    // What the document is now decides, whatever the queued action said: events handled out of order still end right.
                    var found = documents.find(type, refIds);
                    found.forEach(doc -> upserts.add(doc.forEngine()));
                    var present = found.stream().map(SearchDocuments.Stored::refId).collect(Collectors.toSet());
                    refIds.stream().filter(id -> !present.contains(id)).forEach(id -> removals.add(SearchDocuments.Stored.engineId(type, id)));
                });
                if (!upserts.isEmpty()) {
                    engine.await(engine.addDocuments(index, upserts), TASK_WAIT);
                }
                if (!removals.isEmpty()) {
                    engine.await(engine.deleteDocuments(index, removals), TASK_WAIT);
                }
                queue.done(ids);
                results.changed();
            } catch (Meilisearch.Failure e) {
                log.warn("pushing {} search changes to Meilisearch failed, will retry: {}", ids.size(), e.getMessage());
                queue.failed(ids, e.getMessage());
            }
        });
    }

    /**
     * Row 101 on Meilisearch: every stored document goes into {@code <index>_rebuild} with the current settings,
     * which then swaps places with the live index; searches use the old index until the swap.
     */
    void rebuild() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('content-search-engine'))").query(Object.class).single();
            String live = engine.index();
            String next = live + "_rebuild";
            ensureIndex(live);
            if (engine.indexExists(next)) {
                engine.await(engine.deleteIndex(next), TASK_WAIT);
            }
            engine.await(engine.createIndex(next), TASK_WAIT);
            engine.await(engine.updateSettings(next, indexSettings()), TASK_WAIT);
            var tasks = new ArrayList<Long>();
            var batch = new ArrayList<Map<String, @Nullable Object>>(REBUILD_BATCH);
            documents.forEach(doc -> {
                batch.add(doc.forEngine());
                if (batch.size() == REBUILD_BATCH) {
                    tasks.add(engine.addDocuments(next, List.copyOf(batch)));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                tasks.add(engine.addDocuments(next, batch));
            }
            for (long task : tasks) {
                engine.await(task, Duration.ofMinutes(5));
            }
            engine.await(engine.swapIndexes(live, next), TASK_WAIT);
            results.changed();
            engine.await(engine.deleteIndex(next), TASK_WAIT);
        });
    }

    private void ensureIndex(String uid) {
        if (!engine.indexExists(uid)) {
            engine.await(engine.createIndex(uid), TASK_WAIT);
        }
    }

    /** Row 103's settings in Meilisearch's terms; type boosts ride on each document's boost, ranked after relevance. */
    Map<String, Object> indexSettings() {
        var current = settings.get();
        var synonyms = new LinkedHashMap<String, List<String>>();
        for (List<String> group : current.synonyms()) {
            for (String term : group) {
                Set<String> others = new HashSet<>(synonyms.getOrDefault(term, List.of()));
                group.stream().filter(other -> !other.equals(term)).forEach(others::add);
                synonyms.put(term, others.stream().sorted().toList());
            }
        }
        var indexSettings = new LinkedHashMap<String, Object>();
        indexSettings.put("searchableAttributes", List.of("title", "summary", "body"));
        indexSettings.put("filterableAttributes", List.of("type"));
        indexSettings.put("sortableAttributes", List.of("published_at"));
        indexSettings.put("rankingRules", List.of("words", "typo", "proximity", "attribute", "sort", "exactness", "boost:desc", "published_at:desc"));
        indexSettings.put("synonyms", synonyms);
        indexSettings.put("stopWords", current.stopWords());
        indexSettings.put("typoTolerance", Map.of("enabled", true, "minWordSizeForTypos", Map.of("oneTypo", 4, "twoTypos", 8)));
        return indexSettings;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${app.search.meilisearch.url:}'.isBlank()")
    static class Jobs {

        @Bean
        RecurringTask<Void> searchPushTask(@Lazy MeilisearchSync sync) {
            return Tasks.recurring("content-search-push", FixedDelay.of(Duration.ofSeconds(1))).execute((instance, context) -> sync.push());
        }
    }
}
