package com.revolutiontradingpros.api.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.ProblemWriter;

/** Authenticates {@code Authorization: Bearer rtp_pat_…}; JWTs are left to the resource server filter. */
class PersonalAccessTokenFilter extends OncePerRequestFilter {

    private final PersonalAccessTokenVerifier verifier;
    private final ProblemWriter problems;

    PersonalAccessTokenFilter(PersonalAccessTokenVerifier verifier, ProblemWriter problems) {
        this.verifier = verifier;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer " + PersonalAccessTokenVerifier.PREFIX, 0,
                7 + PersonalAccessTokenVerifier.PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        var caller = verifier.verify(header.substring(7).trim());
        if (caller.isEmpty()) {
            problems.write(ApiException.unauthorized("invalid_token", "the access token is unknown, revoked or expired"),
                    request, response);
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
