package com.revolutiontradingpros.api.auth;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.revolutiontradingpros.api.platform.cache.Caches;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.Http;
import com.revolutiontradingpros.api.support.SecondNode;

class KeyRotationTest extends AuthTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Caches caches;

    @Test
    void rotationSwitchesEveryNodeAndKeepsTheOldKeyForOneTokenLifetime() {
        String email = newEmail();
        register(client(), email);
        jdbc.sql("UPDATE users SET roles = ARRAY['member','super_admin'] WHERE email = :email").param("email", email).update();
        var before = login(client(), email, PASSWORD);
        Http owner = client().withToken(bearer(before));

        assertProblem(as(Role.ADMIN).post("/auth/admin/keys/rotate", ""), 403, "forbidden");
        assertProblem(http.post("/auth/admin/keys/rotate", ""), 401, "unauthenticated");

        try (var other = SecondNode.start()) {
            Http nodeB = new Http("http://127.0.0.1:" + other.getEnvironment().getProperty("local.server.port")).fromNewIp();
            assertThat(nodeB.withToken(bearer(before)).get("/auth/me").status()).isEqualTo(200);

            var rotation = owner.post("/auth/admin/keys/rotate", "");
            assertThat(rotation.status()).as(rotation.toString()).isEqualTo(200);
            String newKid = rotation.json().get("kid").asString();
            String oldKid = rotation.json().get("previous_kid").asString();
            assertThat(newKid).isNotEqualTo(oldKid);
            assertThat(kid(bearer(before))).isEqualTo(oldKid);

            var after = login(client(), email, PASSWORD);
            assertThat(kid(bearer(after))).isEqualTo(newKid);
            assertThat(client().withToken(bearer(after)).get("/auth/me").status()).isEqualTo(200);
            assertThat(owner.get("/auth/me").status()).isEqualTo(200);
            Eventually.within(Duration.ofSeconds(3), () ->
                    assertThat(nodeB.withToken(bearer(after)).get("/auth/me").status()).isEqualTo(200));
            assertThat(nodeB.withToken(bearer(before)).get("/auth/me").status()).isEqualTo(200);
            assertThat(http.get("/.well-known/jwks.json").body()).contains(newKid).contains(oldKid);

            // One token lifetime later the old key no longer verifies.
            jdbc.sql("UPDATE jwt_signing_keys SET retired_at = now() - interval '20 minutes' WHERE kid = :kid").param("kid", oldKid).update();
            caches.create("security.jwt-keys", Duration.ofMinutes(1), 1).invalidateAll();
            Eventually.within(Duration.ofSeconds(3), () -> assertThat(owner.get("/auth/me").status()).isEqualTo(401));
            Eventually.within(Duration.ofSeconds(3), () ->
                    assertThat(nodeB.withToken(bearer(before)).get("/auth/me").status()).isEqualTo(401));
            assertThat(http.get("/.well-known/jwks.json").body()).doesNotContain(oldKid);
        }
    }

    private static String kid(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }
}
