package com.revolutiontradingpros.api.platform.security;

import java.security.Key;
import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies each access token's RS256 signature once and remembers the result for a few minutes; the claims
 * (expiry, issuer, session revocation) are still validated on every request. Measured with the benchmark, the
 * signature check and key conversion were most of the CPU of an authenticated primary-key read.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private static final Duration REMEMBER = Duration.ofMinutes(5);

    private final JwtDecoder verifier;
    private final JwtKeys keys;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER)
            .maximumSize(100_000)
            .build();

    CachingJwtDecoder(JwtKeys keys, OAuth2TokenValidator<Jwt> validator) {
        this.validator = validator;
        this.keys = keys;
        // Keys come from the ring by the token's kid, already converted; a kid it does not know makes it re-read.
        JWSKeySelector<SecurityContext> selector = (header, context) -> {
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
                return List.of();
            }
            return keys.verificationKey(header.getKeyID()).<List<Key>>map(List::of).orElse(List.of());
        };
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(selector);
        var decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        this.verifier = decoder;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = verified.get(token, verifier::decode);
        // A remembered signature counts only while its key still verifies (keys retire after a rotation).
        Object kid = jwt.getHeaders().get("kid");
        if (!(kid instanceof String id) || keys.verificationKey(id).isEmpty()) {
            verified.invalidate(token);
            throw new BadJwtException("the access token's signing key is no longer valid");
        }
        var result = validator.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("the access token is not valid", result.getErrors());
        }
        return jwt;
    }

}
