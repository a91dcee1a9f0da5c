package com.revolutiontradingpros.api.platform.security;

import java.util.Optional;
import java.util.Set;

/**
 * The roles a user holds right now. Access tokens carry the roles of when they were issued; the auth module
 * provides this so a role change or suspension applies on the next request rather than at the next refresh.
 */
public interface CurrentRoles {

    /** The live roles, or empty when the account store does not know the user (the token's roles then stand). */
    Optional<Set<Role>> of(long userId);
}
