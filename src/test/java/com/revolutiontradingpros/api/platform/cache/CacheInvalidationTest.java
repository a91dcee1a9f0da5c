package com.revolutiontradingpros.api.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.SecondNode;

/** Two nodes sharing Redis: an invalidation on one reaches the other's in-process cache. */
class CacheInvalidationTest extends ApiTest {

    @Autowired
    Caches caches;

    @Test
    void invalidationsFanOutToEveryNode() {
        try (var other = SecondNode.start()) {
            NamedCache<String> here = caches.create("probe.fanout", Duration.ofMinutes(5), 100);
            NamedCache<String> there = other.getBean(Caches.class).create("probe.fanout", Duration.ofMinutes(5), 100);

            here.put("post:1", "v1");
            here.put("post:2", "v1");
            there.put("post:1", "v1");
            there.put("post:2", "v1");
            assertThat(there.get("post:1", key -> "loaded")).isEqualTo("v1");

            here.invalidate("post:1");
            assertThat(here.getIfPresent("post:1")).isEmpty();
            Eventually.within(Duration.ofSeconds(5), () -> assertThat(there.getIfPresent("post:1")).isEmpty());
            assertThat(there.getIfPresent("post:2")).contains("v1");

            there.invalidateAll();
            Eventually.within(Duration.ofSeconds(5), () -> assertThat(here.getIfPresent("post:2")).isEmpty());

            assertThat(caches.stats().get("probe.fanout").hits()).isGreaterThanOrEqualTo(0);
            assertThat(there.get("post:1", key -> "reloaded")).isEqualTo("reloaded");
        }
    }
}
