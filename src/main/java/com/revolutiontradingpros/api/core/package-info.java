/** Probes, build information, server time and the market clock: what load balancers and clients poll. */
@ApplicationModule(displayName = "Core")
@NullMarked
package com.revolutiontradingpros.api.core;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
