package com.revolutiontradingpros.api.platform.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/** One named cache with string keys; invalidations reach every node. */
public final class NamedCache<V> {

    private final String name;
    private final Cache<String, V> cache;
    private final CacheInvalidations invalidations;

    NamedCache(String name, Duration timeToLive, long maximumSize, CacheInvalidations invalidations) {
        this.name = name;
        this.invalidations = invalidations;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .maximumSize(maximumSize)
                .recordStats()
                .build();
    }

    public String name() {
        return name;
    }

    /** The cached value, or the loader's (stored for next time; concurrent callers for a key load once). */
    public V get(String key, Function<String, V> loader) {
        return cache.get(key, loader);
    }

    public Optional<V> getIfPresent(String key) {
        return Optional.ofNullable(cache.getIfPresent(key));
    }

    public void put(String key, V value) {
        cache.put(key, value);
    }

    /** Drops the key here and on every other node. */
    public void invalidate(String key) {
        cache.invalidate(key);
        invalidations.publish(name, key);
    }

    /** Drops everything in this cache here and on every other node. */
    public void invalidateAll() {
        cache.invalidateAll();
        invalidations.publish(name, null);
    }

    /** Drops the key (all keys when null) on this node only, as a remote invalidation does. */
    public void invalidateLocally(@Nullable String key) {
        if (key == null) {
            cache.invalidateAll();
        } else {
            cache.invalidate(key);
        }
    }

    Stats stats() {
        var stats = cache.stats();
        return new Stats(cache.estimatedSize(), stats.hitCount(), stats.missCount());
    }

    public record Stats(long size, long hits, long misses) {
    }
}
