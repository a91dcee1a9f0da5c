/** Signed-in sessions: rotating refresh tokens, revocation, devices. */
@NullMarked
package com.revolutiontradingpros.api.auth.sessions;

import org.jspecify.annotations.NullMarked;
