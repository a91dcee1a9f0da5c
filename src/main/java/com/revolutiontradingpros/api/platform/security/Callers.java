package com.revolutiontradingpros.api.platform.security;

import java.util.Optional;

import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, for code that is not handed a {@link CurrentUser} parameter. */
public final class Callers {

    private Callers() {
    }

    public static Optional<CurrentUser> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ApiAuthentication api) {
            return Optional.of(api.getPrincipal());
        }
        return Optional.empty();
    }
}
