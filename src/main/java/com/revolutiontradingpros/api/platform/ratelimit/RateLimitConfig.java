package com.revolutiontradingpros.api.platform.ratelimit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.revolutiontradingpros.api.platform.redis.RedisConnections;

@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    @Bean
    LocalRateLimiter localRateLimiter() {
        return new LocalRateLimiter();
    }

    /** The limiter modules inject: Redis-backed when Redis is configured, else this node's memory. */
    @Bean
    @Primary
    RateLimiter rateLimiter(ObjectProvider<RedisConnections> redis, LocalRateLimiter local) {
        var connections = redis.getIfAvailable();
        return connections == null ? local : new RedisRateLimiter(connections, local);
    }

    @Bean
    RateLimitInterceptor rateLimitInterceptor(RateLimiter rateLimiter, LocalRateLimiter local,
            RateLimitProperties properties) {
        return new RateLimitInterceptor(rateLimiter, local, properties);
    }
}
