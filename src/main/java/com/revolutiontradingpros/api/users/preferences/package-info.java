/** A member's website preferences. */
@NullMarked
package com.revolutiontradingpros.api.users.preferences;

import org.jspecify.annotations.NullMarked;
