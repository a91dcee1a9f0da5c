/**
 * Health of the dependencies: each module contributes {@link com.revolutiontradingpros.api.platform.health.HealthCheck}
 * beans; {@link com.revolutiontradingpros.api.platform.health.HealthChecks} runs them in parallel, each within 1 s,
 * and remembers the last error of each.
 */
@NullMarked
package com.revolutiontradingpros.api.platform.health;

import org.jspecify.annotations.NullMarked;
