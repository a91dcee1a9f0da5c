package com.revolutiontradingpros.api.auth.accounts;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.revolutiontradingpros.api.platform.security.Role;

/** A row of users, as the auth module reads it. */
public record Account(long id, String email, @Nullable Instant emailVerifiedAt, @Nullable String passwordHash, String name,
        String status, List<String> roles, boolean mfaEnabled, int failedLogins, @Nullable Instant lockedUntil,
        @Nullable Instant lastLoginAt, boolean passwordChangeRequired, Instant createdAt, Instant updatedAt) {

    public boolean active() {
        return "active".equals(status);
    }

    public Set<Role> roleSet() {
        var set = new LinkedHashSet<Role>();
        roles.forEach(name -> Role.fromWireName(name).ifPresent(set::add));
        set.add(Role.MEMBER);
        return Set.copyOf(set);
    }
}
