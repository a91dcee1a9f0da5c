/** Tags that segment users. */
@NullMarked
package com.revolutiontradingpros.api.users.tags;

import org.jspecify.annotations.NullMarked;
