/** The event publication registry's backlog, for modules that report the lag of their event-driven work. */
@NullMarked
package com.revolutiontradingpros.api.platform.events;

import org.jspecify.annotations.NullMarked;
