/** Probes for load balancers and orchestrators, and build information for operators. */
@NullMarked
package com.revolutiontradingpros.api.core.health;

import org.jspecify.annotations.NullMarked;
