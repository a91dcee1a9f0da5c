package com.revolutiontradingpros.api.platform.redis;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to Redis lazily and keeps trying in the background, so the service starts and serves while
 * Redis is down; callers ask for a connection and fall back to local state when there is none.
 */
public class RedisConnections implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisConnections.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);

    private final RedisClient client;
    private final String keyPrefix;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile @Nullable StatefulRedisConnection<byte[], byte[]> bytes;
    private volatile @Nullable StatefulRedisConnection<String, String> strings;
    private volatile long nextAttemptNanos;

    public RedisConnections(RedisProperties properties) {
        this.keyPrefix = properties.keyPrefix();
        this.client = RedisClient.create(RedisURI.create(properties.url()));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(properties.commandTimeout()))
                .build());
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public Optional<StatefulRedisConnection<byte[], byte[]>> bytes() {
        var current = bytes;
        if (current == null) {
            current = connect(ByteArrayCodec.INSTANCE, true);
        }
        return Optional.ofNullable(current).filter(StatefulRedisConnection::isOpen);
    }

    public Optional<StatefulRedisConnection<String, String>> strings() {
        var current = strings;
        if (current == null) {
            current = connect(StringCodec.UTF8, false);
        }
        return Optional.ofNullable(current).filter(StatefulRedisConnection::isOpen);
    }

    /** A new pub/sub connection; Lettuce re-subscribes it by itself after a reconnect. */
    public StatefulRedisPubSubConnection<String, String> pubSub() {
        return client.connectPubSub(StringCodec.UTF8);
    }

    @SuppressWarnings("unchecked")
    private <T> @Nullable StatefulRedisConnection<T, T> connect(RedisCodec<T, T> codec, boolean binary) {
        if (System.nanoTime() < nextAttemptNanos || !lock.tryLock()) {
            return null;
        }
        try {
            var existing = binary ? bytes : strings;
            if (existing != null) {
                return (StatefulRedisConnection<T, T>) existing;
            }
            var connection = client.connect(codec);
            if (binary) {
                bytes = (StatefulRedisConnection<byte[], byte[]>) connection;
            } else {
                strings = (StatefulRedisConnection<String, String>) connection;
            }
            return connection;
        } catch (RuntimeException e) {
            nextAttemptNanos = System.nanoTime() + RETRY_EVERY.toNanos();
            log.warn("Redis is unreachable, using local state until it answers: {}", e.getMessage());
            return null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
