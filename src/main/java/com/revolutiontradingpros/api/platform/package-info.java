/**
 * The shared kernel every module builds on: errors, pagination, idempotency, rate limits, security,
 * storage, caching, jobs, mail and request ids. It holds no business rules.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
@NullMarked
package com.revolutiontradingpros.api.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
