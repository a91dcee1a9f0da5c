package com.revolutiontradingpros.api.platform.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param url redis:// or rediss:// URL (REDIS_URL); empty means single-node mode with in-memory state
 * @param keyPrefix prefix of every key this service writes (REDIS_KEY_PREFIX), so several environments can share one Redis
 * @param commandTimeout how long a command may take before the caller falls back
 */
@ConfigurationProperties("app.redis")
public record RedisProperties(
        @DefaultValue("") String url,
        @DefaultValue("rtp:") String keyPrefix,
        @DefaultValue("500ms") Duration commandTimeout) {

    public boolean configured() {
        return !url.isBlank();
    }
}
