package com.revolutiontradingpros.api.platform.ratelimit;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled turn every limit off (RATE_LIMITS_ENABLED), for load tests only
 * @param defaultCapacity requests per client address per {@code defaultPeriod} on every route (RATE_LIMIT_DEFAULT)
 * @param defaultPeriod refill period of the default bucket
 */
@Validated
@ConfigurationProperties("app.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Positive @DefaultValue("1200") long defaultCapacity,
        @DefaultValue("1m") Duration defaultPeriod) {
}
