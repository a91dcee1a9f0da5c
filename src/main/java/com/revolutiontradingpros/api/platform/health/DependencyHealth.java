package com.revolutiontradingpros.api.platform.health;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The result of one check, with the last failure this node saw for that dependency. */
public record DependencyHealth(
        String name,
        @Schema(allowableValues = {"up", "down"}) String status,
        boolean critical,
        long latencyMs,
        @Nullable String version,
        Map<String, Object> details,
        @Nullable String lastError,
        @Nullable Instant lastErrorAt) {

    public boolean up() {
        return "up".equals(status);
    }
}
