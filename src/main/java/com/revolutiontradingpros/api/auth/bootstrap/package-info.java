/** The first super admin. */
@NullMarked
package com.revolutiontradingpros.api.auth.bootstrap;

import org.jspecify.annotations.NullMarked;
