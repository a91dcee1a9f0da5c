package com.revolutiontradingpros.api.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

/** Signs access tokens: {@code sub}, {@code sid}, {@code roles}, {@code iat}, {@code exp}, {@code jti}. */
@Component
public class AccessTokens {

    private final JwtKeys keys;
    private final SecurityProperties properties;
    private final Clock clock;

    public AccessTokens(JwtKeys keys, SecurityProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public Duration lifetime() {
        return properties.accessTokenTtl();
    }

    public String issue(CurrentUser user) {
        return issue(user, properties.accessTokenTtl());
    }

    /** A token for {@code user} that also names who is acting as them ({@code imp}); such tokens are read-only. */
    public String issue(CurrentUser user, Duration lifetime) {
        var now = Instant.now(clock);
        var claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(Long.toString(user.id()))
                .claim("sid", user.sessionId())
                .claim("roles", ApiAuthentication.roleNames(user))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("imp", user.impersonatedBy())
                .jwtID(UUID.randomUUID().toString())
                .build();
        var key = keys.current();
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        try {
            var jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
    }
}
