/** Changing the sign-in email, confirmed from the new address. */
@NullMarked
package com.revolutiontradingpros.api.auth.emailchange;

import org.jspecify.annotations.NullMarked;
