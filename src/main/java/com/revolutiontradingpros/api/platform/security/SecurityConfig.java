package com.revolutiontradingpros.api.platform.security;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import com.revolutiontradingpros.api.platform.AppProperties;
import com.revolutiontradingpros.api.platform.cache.Caches;
import com.revolutiontradingpros.api.platform.redis.RedisConnections;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.HttpProperties;
import com.revolutiontradingpros.api.platform.web.ProblemWriter;

/**
 * Stateless bearer-token security. Spring Security only establishes who the caller is; what each route
 * allows is declared on the route and enforced by {@link AccessInterceptor}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    JwtKeys jwtKeys(SecurityProperties properties, AppProperties app, JdbcClient jdbc, Caches caches, Clock clock) {
        return JwtKeys.load(properties, app.dataDir(), jdbc, caches, clock);
    }

    @Bean
    SessionRevocations sessionRevocations(ObjectProvider<RedisConnections> redis, Clock clock) {
        var connections = redis.getIfAvailable();
        return connections == null ? new LocalSessionRevocations(clock) : new RedisSessionRevocations(connections, clock);
    }

    @Bean
    JwtDecoder jwtDecoder(JwtKeys keys, SecurityProperties properties, SessionRevocations revocations) {
        return new CachingJwtDecoder(keys, new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                jwt -> notRevoked(jwt, revocations)));
    }

    private static OAuth2TokenValidatorResult notRevoked(Jwt jwt, SessionRevocations revocations) {
        String sid = jwt.getClaimAsString("sid");
        if (sid != null && revocations.isRevoked(sid)) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the session was revoked", null));
        }
        return OAuth2TokenValidatorResult.success();
    }

    /** The token of an {@code Authorization: Bearer} header; a plain prefix check instead of the default regex. */
    static @Nullable String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer", 0, 6)
                || (header.length() > 6 && header.charAt(6) != ' ')) {
            return null;
        }
        String token = header.substring(6).trim();
        if (token.startsWith(PersonalAccessTokenVerifier.PREFIX)) {
            return null; // handled by PersonalAccessTokenFilter
        }
        if (token.isEmpty()) {
            throw new org.springframework.security.oauth2.server.resource.InvalidBearerTokenException("empty bearer token");
        }
        return token;
    }

    static ApiAuthentication toAuthentication(Jwt jwt, CurrentRoles currentRoles) {
        Set<Role> roles = new LinkedHashSet<>();
        List<String> names = jwt.getClaimAsStringList("roles");
        if (names != null) {
            names.forEach(name -> Role.fromWireName(name).ifPresent(roles::add));
        }
        long id;
        try {
            id = Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException e) {
            throw new org.springframework.security.oauth2.server.resource.InvalidBearerTokenException("bad subject");
        }
        Object impersonator = jwt.getClaims().get("imp");
        Long impersonatedBy = impersonator instanceof Number number ? number.longValue() : null;
        return new ApiAuthentication(new CurrentUser(id, jwt.getClaimAsString("sid"), currentRoles.of(id).orElse(Set.copyOf(roles)), null,
                impersonatedBy));
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, ProblemWriter problems,
            ObjectProvider<PersonalAccessTokenVerifier> personalTokens, ObjectProvider<CurrentRoles> liveRoles) throws Exception {
        CurrentRoles currentRoles = liveRoles.getIfAvailable(() -> userId -> java.util.Optional.empty());
        var unauthenticated = ApiException.unauthorized("invalid_token",
                "the access token is missing, expired, revoked or malformed");
        var denied = ApiException.forbidden("forbidden", "you are not allowed to do this");
        // Only the filters a stateless bearer-token API needs: each one runs on every request. Authorization is
        // per route (AccessInterceptor), so there is no AuthorizationFilter either.
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> { })
                .sessionManagement(session -> session.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny())
                        .cacheControl(cache -> cache.disable()))
                .oauth2ResourceServer(oauth -> oauth
                        .bearerTokenResolver(SecurityConfig::bearerToken)
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(jwt2 -> toAuthentication(jwt2, currentRoles)))
                        .authenticationEntryPoint((request, response, e) -> problems.write(unauthenticated, request, response))
                        .accessDeniedHandler((request, response, e) -> problems.write(denied, request, response)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> problems.write(unauthenticated, request, response))
                        .accessDeniedHandler((request, response, e) -> problems.write(denied, request, response)));
        PersonalAccessTokenVerifier verifier = personalTokens.getIfAvailable(() -> token -> java.util.Optional.empty());
        http.addFilterBefore(new PersonalAccessTokenFilter(verifier, problems), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Spring Security would otherwise observe every filter of the chain on every request; measured with the
     * benchmark it cost more than half the throughput of a trivial route. The request itself is still timed
     * (http.server.requests).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(HttpProperties properties) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key", "If-Match",
                "If-None-Match", "X-Request-Id"));
        cors.setExposedHeaders(List.of("X-Request-Id", "ETag", "Location", "Retry-After", "RateLimit-Limit",
                "RateLimit-Remaining", "RateLimit-Reset", "Idempotent-Replayed"));
        cors.setMaxAge(3600L);
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
