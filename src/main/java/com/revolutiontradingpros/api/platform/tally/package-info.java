/** Counters added up in memory and written in batches, so a popular item never becomes a hot row. */
@NullMarked
package com.revolutiontradingpros.api.platform.tally;

import org.jspecify.annotations.NullMarked;
