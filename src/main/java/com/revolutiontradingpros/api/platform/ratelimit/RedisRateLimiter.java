package com.revolutiontradingpros.api.platform.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.revolutiontradingpros.api.platform.redis.RedisConnections;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis, so every node counts against the same limit. While Redis is unreachable, each node
 * limits on its own (fail open to local buckets) rather than refusing or stalling every request.
 */
public class RedisRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final long BACK_OFF_NANOS = Duration.ofSeconds(2).toNanos();

    private final RedisConnections redis;
    private final LocalRateLimiter fallback;
    private volatile @Nullable ProxyManager<byte[]> buckets;
    private volatile @Nullable StatefulRedisConnection<byte[], byte[]> bucketsConnection;
    private volatile long skipRedisUntil;

    public RedisRateLimiter(RedisConnections redis, LocalRateLimiter fallback) {
        this.redis = redis;
        this.fallback = fallback;
    }

    @Override
    public Decision consume(String bucket, String subject, long capacity, Duration period) {
        if (System.nanoTime() >= skipRedisUntil) {
            var proxies = proxies();
            if (proxies != null) {
                try {
                    byte[] key = (redis.keyPrefix() + "rl:" + bucket + ':' + subject).getBytes(StandardCharsets.UTF_8);
                    var configuration = BucketConfiguration.builder()
                            .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                            .build();
                    var probe = proxies.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
                    return Decisions.of(probe, capacity);
                } catch (RuntimeException e) {
                    skipRedisUntil = System.nanoTime() + BACK_OFF_NANOS;
                    log.warn("Redis rate limit failed, limiting per node for now: {}", e.toString());
                }
            }
        }
        return fallback.consume(bucket, subject, capacity, period);
    }

    private @Nullable ProxyManager<byte[]> proxies() {
        var connection = redis.bytes().orElse(null);
        if (connection == null) {
            return null;
        }
        var current = buckets;
        if (current == null || bucketsConnection != connection) {
            current = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                            Duration.ofSeconds(10)))
                    .build();
            buckets = current;
            bucketsConnection = connection;
        }
        return current;
    }
}
