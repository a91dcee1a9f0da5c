package com.revolutiontradingpros.api.content.cache;

import java.time.Duration;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.revolutiontradingpros.api.platform.cache.Caches;
import com.revolutiontradingpros.api.platform.cache.NamedCache;
import com.revolutiontradingpros.api.platform.web.CachedBody;

/**
 * The anonymous reads of posts, categories, tags and the feed, kept as ready bytes. Any public change drops them
 * all, on every node, once its transaction commits: writes are rare next to reads, and a coarse drop cannot miss a
 * dependent page (a category count shown in a post, a tag renamed in a list).
 */
@Component
public class ContentCaches {

    private final NamedCache<CachedBody> reads;

    ContentCaches(Caches caches) {
        // Signed avatar links in author blocks are valid an hour: cached copies must not outlive them.
        this.reads = caches.create("content.public-reads", Duration.ofMinutes(10), 20_000);
    }

    public NamedCache<CachedBody> reads() {
        return reads;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PublicContentChanged change) {
        reads.invalidateAll();
    }
}
