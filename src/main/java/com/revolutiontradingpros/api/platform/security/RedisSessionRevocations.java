package com.revolutiontradingpros.api.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.SetArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.revolutiontradingpros.api.platform.redis.RedisConnections;

/**
 * Revocations in Redis so every node sees them. A node remembers "not revoked" for at most
 * {@link #NEGATIVE_TTL}, which bounds how late a revocation takes effect elsewhere, well under the 1 s
 * the auth rules allow, while sparing Redis a round trip on most requests.
 */
public class RedisSessionRevocations implements SessionRevocations {

    private static final Logger log = LoggerFactory.getLogger(RedisSessionRevocations.class);
    static final Duration NEGATIVE_TTL = Duration.ofMillis(250);

    private final RedisConnections redis;
    private final LocalSessionRevocations local;
    private final Clock clock;
    private final Cache<String, Boolean> recentlyChecked = Caffeine.newBuilder()
            .expireAfterWrite(NEGATIVE_TTL)
            .maximumSize(200_000)
            .build();

    public RedisSessionRevocations(RedisConnections redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
        this.local = new LocalSessionRevocations(clock);
    }

    @Override
    public void revoke(String sessionId, Instant until) {
        local.revoke(sessionId, until);
        long ttlMillis = Duration.between(Instant.now(clock), until).toMillis();
        if (ttlMillis <= 0) {
            return;
        }
        redis.strings().ifPresentOrElse(
                connection -> connection.sync().set(key(sessionId), "1", SetArgs.Builder.px(ttlMillis)),
                () -> log.warn("Redis unavailable: session {} is revoked on this node only", sessionId));
    }

    @Override
    public boolean isRevoked(String sessionId) {
        if (local.isRevoked(sessionId)) {
            return true;
        }
        if (recentlyChecked.getIfPresent(sessionId) != null) {
            return false;
        }
        var connection = redis.strings();
        if (connection.isEmpty()) {
            return false;
        }
        try {
            long ttl = connection.get().sync().pttl(key(sessionId));
            if (ttl > 0) {
                local.revoke(sessionId, Instant.now(clock).plusMillis(ttl));
                return true;
            }
            recentlyChecked.put(sessionId, Boolean.TRUE);
            return false;
        } catch (RuntimeException e) {
            // Fail open: access tokens live 15 minutes, and refusing every request while Redis is down is worse.
            log.warn("Redis revocation check failed: {}", e.toString());
            return false;
        }
    }

    private String key(String sessionId) {
        return redis.keyPrefix() + "revoked-session:" + sessionId;
    }
}
