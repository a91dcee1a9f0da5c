package com.revolutiontradingpros.api.content.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.revolutiontradingpros.api.platform.cache.Caches;
import com.revolutiontradingpros.api.platform.cache.NamedCache;
import com.revolutiontradingpros.api.platform.security.Callers;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.web.CachedBody;

/**
 * The anonymous reads of posts, categories, tags and the feed, kept as ready bytes. Any public change drops them
 * all, on every node, once its transaction commits: writes are rare next to reads, and a coarse drop cannot miss a
 * dependent page (a category count shown in a post, a tag renamed in a list).
 */
@Component
public class ContentCaches {

    /** Rule 9: anonymous answers may be shared by caches for a minute; answers to a signed-in caller are theirs alone. */
    public static final String PUBLIC_CACHE = "public, max-age=60, stale-while-revalidate=300";
    public static final String PRIVATE_CACHE = "private, no-cache";

    private final NamedCache<CachedBody> reads;
    private final NamedCache<Object> shared;
    private final JsonMapper json;

    ContentCaches(Caches caches, JsonMapper json) {
        this.json = json;
        // Signed avatar links in author blocks are valid an hour: cached copies must not outlive them.
        this.reads = caches.create("content.public-reads", Duration.ofMinutes(10), 20_000);
        this.shared = caches.create("content.shared-reads", Duration.ofMinutes(10), 5_000);
    }

    public NamedCache<CachedBody> reads() {
        return reads;
    }

    /** Anonymous callers get the cached bytes under {@code key}; signed-in callers an answer computed for them. */
    public ResponseEntity<byte[]> respond(HttpServletRequest request, String key, Supplier<Object> body) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            return reads.get(key, k -> CachedBody.json(json.writeValueAsBytes(body.get()))).respond(request, PUBLIC_CACHE);
        }
        return CachedBody.json(json.writeValueAsBytes(body.get())).respond(request, PRIVATE_CACHE);
    }

    /**
     * For answers where only a small part depends on the caller (the locked flags of a list): the part every caller
     * shares is computed once per key, and {@code tailor} finishes it for the caller, whose answer is theirs alone.
     */
    @SuppressWarnings("unchecked")
    public <S> ResponseEntity<byte[]> respond(HttpServletRequest request, String key, Supplier<S> common,
            BiFunction<S, Optional<CurrentUser>, Object> tailor) {
        Supplier<S> cached = () -> (S) shared.get(key, k -> common.get());
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            return reads.get(key, k -> CachedBody.json(json.writeValueAsBytes(tailor.apply(cached.get(), Optional.empty()))))
                    .respond(request, PUBLIC_CACHE);
        }
        return CachedBody.json(json.writeValueAsBytes(tailor.apply(cached.get(), Callers.current()))).respond(request, PRIVATE_CACHE);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PublicContentChanged change) {
        reads.invalidateAll();
        shared.invalidateAll();
    }
}
