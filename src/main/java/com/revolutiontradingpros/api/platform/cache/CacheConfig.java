package com.revolutiontradingpros.api.platform.cache;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.revolutiontradingpros.api.platform.redis.RedisConnections;

@Configuration(proxyBeanMethods = false)
class CacheConfig {

    @Bean
    CacheInvalidations cacheInvalidations(ObjectProvider<RedisConnections> redis) {
        var connections = redis.getIfAvailable();
        return connections == null ? CacheInvalidations.LOCAL : new RedisCacheInvalidations(connections);
    }
}
