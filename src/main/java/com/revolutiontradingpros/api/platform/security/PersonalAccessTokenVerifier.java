package com.revolutiontradingpros.api.platform.security;

import java.util.Optional;

/**
 * Turns a personal access token ({@code rtp_pat_…}) into its caller. The auth module, which owns the tokens,
 * provides it; without one, such tokens are refused.
 */
public interface PersonalAccessTokenVerifier {

    String PREFIX = "rtp_pat_";

    /** The caller with the token's abilities, or empty when the token is unknown, revoked or expired. */
    Optional<CurrentUser> verify(String token);
}
