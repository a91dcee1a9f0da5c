package com.revolutiontradingpros.api.platform.health;

import java.util.List;

/** Every dependency's health and the overall verdict: up, degraded (a non-critical one is down) or down. */
public record HealthReport(String status, List<DependencyHealth> dependencies) {

    public static final String UP = "up";
    public static final String DEGRADED = "degraded";
    public static final String DOWN = "down";

    static HealthReport of(List<DependencyHealth> dependencies) {
        boolean criticalDown = dependencies.stream().anyMatch(d -> d.critical() && !d.up());
        boolean anyDown = dependencies.stream().anyMatch(d -> !d.up());
        return new HealthReport(criticalDown ? DOWN : anyDown ? DEGRADED : UP, dependencies);
    }

    public boolean ready() {
        return !DOWN.equals(status);
    }
}
