/** Saved member segments with live counts. */
@NullMarked
package com.revolutiontradingpros.api.users.segments;

import org.jspecify.annotations.NullMarked;
