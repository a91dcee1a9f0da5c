package com.revolutiontradingpros.api.platform.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The one Authentication type of this API, whichever credential proved it: its principal is the caller. */
public final class ApiAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;

    public ApiAuthentication(CurrentUser user) {
        super(user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return Long.toString(user.id());
    }

    static List<String> roleNames(CurrentUser user) {
        return user.roles().stream().map(Role::wireName).toList();
    }
}
