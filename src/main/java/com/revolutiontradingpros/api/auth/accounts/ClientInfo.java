package com.revolutiontradingpros.api.auth.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** Where a request came from, for sessions, throttling and the security log. */
public record ClientInfo(String ip, @Nullable String userAgent) {

    public static ClientInfo of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > 500) {
            agent = agent.substring(0, 500);
        }
        return new ClientInfo(request.getRemoteAddr(), agent);
    }
}
