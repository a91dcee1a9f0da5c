package com.revolutiontradingpros.api.platform.security;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The roles of CONVENTIONS.md, lowest first: a higher role includes every lower one. */
public enum Role {
    MEMBER, AUTHOR, EDITOR, ADMIN, SUPER_ADMIN;

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** The name used in tokens, JSON and the database: {@code super_admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public static Role highest(Collection<Role> roles) {
        return roles.stream().max(Enum::compareTo).orElse(MEMBER);
    }
}
