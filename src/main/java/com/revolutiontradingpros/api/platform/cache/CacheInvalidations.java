package com.revolutiontradingpros.api.platform.cache;

import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/** Carries "drop this key" (or "drop everything", key null) between nodes. */
interface CacheInvalidations {

    void publish(String cache, @Nullable String key);

    void onRemote(BiConsumer<String, @Nullable String> handler);

    /** A single node: nothing to tell anyone. */
    CacheInvalidations LOCAL = new CacheInvalidations() {
        @Override
        public void publish(String cache, @Nullable String key) {
        }

        @Override
        public void onRemote(BiConsumer<String, @Nullable String> handler) {
        }
    };
}
