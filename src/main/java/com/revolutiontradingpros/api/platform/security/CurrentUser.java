package com.revolutiontradingpros.api.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The signed-in caller, as a controller parameter.
 *
 * @param sessionId the session of a JWT, null for personal access tokens
 * @param abilities what a personal access token may do; null for a session, which may do all its roles allow
 * @param impersonatedBy the super admin acting as this user with a read-only token, if any
 */
public record CurrentUser(long id, @Nullable String sessionId, Set<Role> roles, @Nullable Set<String> abilities,
        @Nullable Long impersonatedBy) {

    public CurrentUser(long id, @Nullable String sessionId, Set<Role> roles, @Nullable Set<String> abilities) {
        this(id, sessionId, roles, abilities, null);
    }

    public boolean has(Role role) {
        for (Role held : roles) {
            if (held.includes(role)) {
                return true;
            }
        }
        return false;
    }

    /** The session id as a UUID, when the caller holds a session token of ours. */
    public Optional<UUID> sessionUuid() {
        if (sessionId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(sessionId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean can(String ability) {
        return abilities == null || abilities.contains(ability) || abilities.contains("*");
    }
}
