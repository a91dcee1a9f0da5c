/** The US equity market clock and the NYSE trading calendar. */
@NullMarked
package com.revolutiontradingpros.api.core.market;

import org.jspecify.annotations.NullMarked;
