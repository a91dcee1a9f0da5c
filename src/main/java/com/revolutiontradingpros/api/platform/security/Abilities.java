package com.revolutiontradingpros.api.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The abilities a personal access token can carry, each with the least role that holds it: a token never
 * exceeds its owner's roles. Modules add theirs here as they declare {@link RequiresAbility} on routes.
 */
public final class Abilities {

    private static final Map<String, Role> LEAST_ROLE = new LinkedHashMap<>();

    static {
        LEAST_ROLE.put("profile:read", Role.MEMBER);
        LEAST_ROLE.put("posts:read", Role.MEMBER);
        LEAST_ROLE.put("orders:read", Role.MEMBER);
        LEAST_ROLE.put("courses:read", Role.MEMBER);
        LEAST_ROLE.put("posts:write", Role.AUTHOR);
        LEAST_ROLE.put("media:write", Role.AUTHOR);
        LEAST_ROLE.put("users:read", Role.ADMIN);
        LEAST_ROLE.put("users:write", Role.ADMIN);
        LEAST_ROLE.put("orders:write", Role.ADMIN);
        LEAST_ROLE.put("email:write", Role.ADMIN);
    }

    private Abilities() {
    }

    public static boolean known(String ability) {
        return LEAST_ROLE.containsKey(ability);
    }

    /** Every ability someone with these roles may put on a token. */
    public static Set<String> grantable(Set<Role> roles) {
        var abilities = new TreeSet<String>();
        LEAST_ROLE.forEach((ability, role) -> {
            if (roles.stream().anyMatch(held -> held.includes(role))) {
                abilities.add(ability);
            }
        });
        return abilities;
    }
}
