package com.revolutiontradingpros.api.platform.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

/**
 * Where modules get their caches: {@code caches.create("posts.public", Duration.ofMinutes(10), 10_000)}. Each
 * name is one cache per node; the time to live bounds staleness even if an invalidation message is lost.
 */
@Service
public class Caches {

    private final Map<String, NamedCache<?>> caches = new ConcurrentHashMap<>();
    private final CacheInvalidations invalidations;

    Caches(CacheInvalidations invalidations) {
        this.invalidations = invalidations;
        invalidations.onRemote(this::applyRemote);
    }

    @SuppressWarnings("unchecked")
    public <V> NamedCache<V> create(String name, Duration timeToLive, long maximumSize) {
        return (NamedCache<V>) caches.computeIfAbsent(name,
                key -> new NamedCache<>(name, timeToLive, maximumSize, invalidations));
    }

    /** Hit and miss counts per cache, for metrics and the admin dashboard. */
    public Map<String, NamedCache.Stats> stats() {
        var stats = new java.util.TreeMap<String, NamedCache.Stats>();
        caches.forEach((name, cache) -> stats.put(name, cache.stats()));
        return stats;
    }

    private void applyRemote(String cache, @org.jspecify.annotations.Nullable String key) {
        var target = caches.get(cache);
        if (target != null) {
            target.invalidateLocally(key);
        }
    }
}
