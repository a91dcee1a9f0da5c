/** Passkeys (WebAuthn): registration, sign-in and management. */
@NullMarked
package com.revolutiontradingpros.api.auth.passkeys;

import org.jspecify.annotations.NullMarked;
