/** The public read cache of the content module and the internal event that drops it. */
@NullMarked
package com.revolutiontradingpros.api.content.cache;

import org.jspecify.annotations.NullMarked;
