package com.revolutiontradingpros.api.auth;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** An account as other modules see it: identity, roles and state, never credentials. */
public record AccountView(long id, String email, String name, List<String> roles, String status, boolean emailVerified,
        boolean mfaEnabled, Instant createdAt, @Nullable Instant lastLoginAt) {
}
