/** Email address verification links. */
@NullMarked
package com.revolutiontradingpros.api.auth.verification;

import org.jspecify.annotations.NullMarked;
