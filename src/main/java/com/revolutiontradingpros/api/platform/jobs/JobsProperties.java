package com.revolutiontradingpros.api.platform.jobs;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled JOBS_ENABLED: false makes this node serve requests only and run no background work
 * @param threads how many jobs this node runs at once (JOBS_THREADS)
 * @param pollingInterval how often this node looks for due jobs
 */
@Validated
@ConfigurationProperties("app.jobs")
public record JobsProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @Max(64) @DefaultValue("4") int threads,
        @DefaultValue("2s") Duration pollingInterval) {
}
