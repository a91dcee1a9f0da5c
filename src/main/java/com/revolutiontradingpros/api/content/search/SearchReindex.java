package com.revolutiontradingpros.api.content.search;

import java.time.Clock;
import java.util.List;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.revolutiontradingpros.api.content.posts.PostSearchDocuments;
import com.revolutiontradingpros.api.content.videos.VideoSearchDocuments;

/**
 * Row 101: rebuilds the documents of posts, pages and videos from the content itself, as a background job. The swap
 * is one transaction, so searches answer from the old documents until the new ones commit; with Meilisearch, a fresh
 * index is then filled from all documents and swapped in. Products, indicators and courses are fed by their owners'
 * events and rebuilt by them.
 */
@Component
class SearchReindex {

    static final List<String> OWN_TYPES = List.of("post", "page", "video");

    private final PostSearchDocuments posts;
    private final VideoSearchDocuments videos;
    private final SearchDocuments documents;
    private final TransactionTemplate transactions;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> task;
    private final Clock clock;
    private final Meilisearch engine;
    private final MeilisearchSync sync;

    SearchReindex(PostSearchDocuments posts, VideoSearchDocuments videos, SearchDocuments documents, TransactionTemplate transactions, SchedulerClient scheduler,
            OneTimeTask<String> searchReindexTask, Clock clock, Meilisearch engine, MeilisearchSync sync) {
        this.engine = engine;
        this.sync = sync;
        this.posts = posts;
        this.videos = videos;
        this.documents = documents;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.task = searchReindexTask;
        this.clock = clock;
    }

    /** Queues a rebuild of these types (a comma list); one queued rebuild per set of types is enough. */
    void queue(List<String> types) {
        String data = String.join(",", types);
        scheduler.scheduleIfNotExists(task.instance("reindex-" + data, data), clock.instant());
    }

    void run(String typeList) {
        var types = List.of(typeList.split(",")).stream().filter(OWN_TYPES::contains).toList();
        if (types.isEmpty()) {
            return;
        }
        var postTypes = types.stream().filter(type -> !type.equals("video")).toList();
        var rebuilt = new java.util.ArrayList<>(postTypes.isEmpty() ? List.<PostSearchDocuments.Document>of()
                : posts.publishedIds(postTypes).stream().map(posts::of).flatMap(java.util.Optional::stream).toList());
        if (types.contains("video")) {
            videos.publishedIds().stream().map(videos::of).flatMap(java.util.Optional::stream).forEach(rebuilt::add);
        }
        transactions.executeWithoutResult(status -> documents.replaceAll(types, rebuilt));
        if (engine.enabled()) {
            sync.rebuild();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {

        @Bean
        OneTimeTask<String> searchReindexTask(@Lazy SearchReindex reindex) {
            return Tasks.oneTime("content-search-reindex", String.class).execute((instance, context) -> reindex.run(instance.getData()));
        }
    }
}
