package com.revolutiontradingpros.api.platform.redis;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RedisConfig {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${app.redis.url:}'.isBlank()")
    RedisConnections redisConnections(RedisProperties properties) {
        return new RedisConnections(properties);
    }
}
