package com.revolutiontradingpros.api.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfig {

    /** Injected wherever time matters, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
