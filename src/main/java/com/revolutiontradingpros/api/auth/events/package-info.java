/** The security log of each account. */
@NullMarked
package com.revolutiontradingpros.api.auth.events;

import org.jspecify.annotations.NullMarked;
