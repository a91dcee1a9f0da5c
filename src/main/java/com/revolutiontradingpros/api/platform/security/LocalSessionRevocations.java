package com.revolutiontradingpros.api.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/** Revocations in this node's memory, each kept until the tokens it covers have expired anyway. */
public class LocalSessionRevocations implements SessionRevocations {

    private final Clock clock;
    private final Cache<String, Instant> revoked;

    public LocalSessionRevocations(Clock clock) {
        this.clock = clock;
        this.revoked = Caffeine.newBuilder()
                .expireAfter(Expiry.<String, Instant>creating((sid, until) ->
                        Duration.between(Instant.now(clock), until).isNegative() ? Duration.ZERO
                                : Duration.between(Instant.now(clock), until)))
                .build();
    }

    @Override
    public void revoke(String sessionId, Instant until) {
        if (until.isAfter(Instant.now(clock))) {
            revoked.put(sessionId, until);
        }
    }

    @Override
    public boolean isRevoked(String sessionId) {
        return revoked.getIfPresent(sessionId) != null;
    }
}
