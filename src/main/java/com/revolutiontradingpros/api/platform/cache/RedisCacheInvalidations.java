package com.revolutiontradingpros.api.platform.cache;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BiConsumer;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.revolutiontradingpros.api.platform.redis.RedisConnections;

/**
 * Invalidations on a Redis pub/sub channel: {@code <node>\n<cache>\n<key>} (an empty key means all). A node
 * ignores its own messages. Subscribing keeps retrying in the background while Redis is down.
 */
class RedisCacheInvalidations implements CacheInvalidations, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisCacheInvalidations.class);
    private static final String ALL = "";

    private final RedisConnections redis;
    private final String channel;
    private final String node = UUID.randomUUID().toString();
    private volatile BiConsumer<String, @Nullable String> handler = (cache, key) -> { };
    private volatile @Nullable StatefulRedisPubSubConnection<String, String> subscription;
    private final Thread subscriber;

    RedisCacheInvalidations(RedisConnections redis) {
        this.redis = redis;
        this.channel = redis.keyPrefix() + "cache-invalidations";
        this.subscriber = Thread.ofVirtual().name("cache-invalidations").start(this::subscribe);
    }

    @Override
    public void publish(String cache, @Nullable String key) {
        redis.strings().ifPresent(connection -> connection.async()
                .publish(channel, node + "\n" + cache + "\n" + (key == null ? ALL : key))
                .exceptionally(e -> {
                    log.warn("cache invalidation for {} not published; other nodes keep it until it expires: {}", cache, e.getMessage());
                    return 0L;
                }));
    }

    @Override
    public void onRemote(BiConsumer<String, @Nullable String> handler) {
        this.handler = handler;
    }

    private void subscribe() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                var connection = redis.pubSub();
                connection.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String from, String message) {
                        receive(message);
                    }
                });
                connection.sync().subscribe(channel);
                subscription = connection;
                return;
            } catch (RuntimeException e) {
                log.warn("cannot subscribe to cache invalidations yet, retrying: {}", e.getMessage());
                try {
                    Thread.sleep(Duration.ofSeconds(2));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void receive(String message) {
        String[] parts = message.split("\n", 3);
        if (parts.length == 3 && !parts[0].equals(node)) {
            handler.accept(parts[1], parts[2].equals(ALL) ? null : parts[2]);
        }
    }

    @Override
    public void close() {
        subscriber.interrupt();
        var connection = subscription;
        if (connection != null) {
            connection.close();
        }
    }
}
