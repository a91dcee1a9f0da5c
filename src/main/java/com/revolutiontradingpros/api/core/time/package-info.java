/** Server time for countdowns and round-trip measurement, and the time zones for preference pickers. */
@NullMarked
package com.revolutiontradingpros.api.core.time;

import org.jspecify.annotations.NullMarked;
