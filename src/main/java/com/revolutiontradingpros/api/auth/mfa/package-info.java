/** Two-factor sign-in with TOTP and recovery codes. */
@NullMarked
package com.revolutiontradingpros.api.auth.mfa;

import org.jspecify.annotations.NullMarked;
