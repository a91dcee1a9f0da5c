package com.revolutiontradingpros.api.platform.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;

/** Buckets in this process's memory: the single-node default and the fallback while Redis is down. */
public class LocalRateLimiter implements RateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfterAccess(24, TimeUnit.HOURS)
            .build();

    @Override
    public Decision consume(String bucket, String subject, long capacity, Duration period) {
        var tokens = buckets.get(bucket + '\u0000' + subject, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build());
        return Decisions.of(tokens.tryConsumeAndReturnRemaining(1), capacity);
    }
}
