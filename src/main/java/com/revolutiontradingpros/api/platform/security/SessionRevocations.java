package com.revolutiontradingpros.api.platform.security;

import java.time.Instant;

/**
 * Sessions whose access tokens must stop working before they expire (logout, suspension, reuse of a
 * refresh token). Checked on every authenticated request; shared through Redis when configured.
 */
public interface SessionRevocations {

    /** Refuse the session's tokens until {@code until} (the last moment one of them could still be valid). */
    void revoke(String sessionId, Instant until);

    boolean isRevoked(String sessionId);
}
