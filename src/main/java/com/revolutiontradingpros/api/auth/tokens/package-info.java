/** Personal access tokens for scripts. */
@NullMarked
package com.revolutiontradingpros.api.auth.tokens;

import org.jspecify.annotations.NullMarked;
