package com.revolutiontradingpros.api.platform.health;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One dependency's probe. Throwing (or taking longer than the timeout) means it is down. */
public interface HealthCheck {

    String name();

    /** A critical dependency being down makes the node not ready; any other makes it degraded. */
    boolean critical();

    Details check() throws Exception;

    /**
     * What an admin sees about a dependency that answered.
     *
     * @param version the dependency's own version, when it tells
     * @param details counters such as pool usage
     */
    record Details(@Nullable String version, Map<String, Object> details) {

        public static Details of(@Nullable String version) {
            return new Details(version, Map.of());
        }
    }
}
