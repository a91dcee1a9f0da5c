package com.revolutiontradingpros.api.platform.security;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;

/** Access tokens are accepted only when signed by our key, current, from our issuer and not revoked. */
class BearerTokensTest extends ApiTest {

    @Autowired
    JwtKeys keys;

    @Autowired
    SecurityProperties properties;

    @Autowired
    SessionRevocations revocations;

    @Test
    void forgedExpiredOrForeignTokensAreRefused() throws Exception {
        RSAKey ours = keys.current();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(ours.getKeyID()).generate();
        Instant now = Instant.now();

        assertThat(call(sign(ours, claims(properties.issuer(), now, now.plusSeconds(600)))).status()).isEqualTo(200);
        assertProblem(call(sign(stranger, claims(properties.issuer(), now, now.plusSeconds(600)))), 401, "invalid_token");
        assertProblem(call(sign(ours, claims(properties.issuer(), now.minusSeconds(3600), now.minusSeconds(1800)))), 401, "invalid_token");
        assertProblem(call(sign(ours, claims("https://evil.example", now, now.plusSeconds(600)))), 401, "invalid_token");

        var hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(properties.issuer(), now, now.plusSeconds(600)));
        hmac.sign(new MACSigner(new byte[32]));
        assertProblem(call(hmac.serialize()), 401, "invalid_token");
        assertProblem(call(new PlainJWT(claims(properties.issuer(), now, now.plusSeconds(600))).serialize()), 401, "invalid_token");
        assertProblem(http.get("/_probe/me", "Authorization", "Bearer "), 401, "invalid_token");
        assertProblem(http.get("/_probe/me", "Authorization", "Basic dXNlcjpwYXNz"), 401, "unauthenticated");
    }

    @Test
    void aRevokedSessionIsRefusedWithinASecond() {
        String sid = UUID.randomUUID().toString();
        String token = accessTokens.issue(new CurrentUser(77, sid, Set.of(Role.MEMBER), null));
        assertThat(call(token).status()).isEqualTo(200);
        revocations.revoke(sid, Instant.now().plus(Duration.ofMinutes(15)));
        long revokedAt = System.nanoTime();
        Eventually.within(Duration.ofSeconds(1), () -> assertThat(call(token).status()).isEqualTo(401));
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofSeconds(1));
    }

    private com.revolutiontradingpros.api.support.Response call(String token) {
        return http.get("/_probe/me", "Authorization", "Bearer " + token);
    }

    private static JWTClaimsSet claims(String issuer, Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject("5").claim("sid", UUID.randomUUID().toString())
                .claim("roles", List.of("member")).issueTime(Date.from(issued)).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString()).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
