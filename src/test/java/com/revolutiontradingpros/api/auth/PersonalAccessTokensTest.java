package com.revolutiontradingpros.api.auth;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.revolutiontradingpros.api.support.Http;

class PersonalAccessTokensTest extends AuthTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReadTokenReadsButCannotWrite() {
        String email = newEmail();
        register(client(), email);
        jdbc.sql("UPDATE users SET roles = ARRAY['member','author'] WHERE email = :email").param("email", email).update();
        Http me = client().withToken(bearer(login(client(), email, PASSWORD)));

        var created = me.post("/auth/tokens", "{\"name\":\"reporting script\",\"abilities\":[\"posts:read\",\"profile:read\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().get("plain_text_token").asString();
        assertThat(secret).startsWith("rtp_pat_");
        assertThat(created.header("Location")).startsWith("/auth/tokens/");

        var listed = me.get("/auth/tokens");
        assertThat(listed.json().get(0).get("name").asString()).isEqualTo("reporting script");
        assertThat(listed.body()).doesNotContain(secret.substring(8, 30));

        Http script = client().withToken(secret);
        assertThat(script.get("/_probe/posts").status()).isEqualTo(200);
        assertProblem(script.post("/_probe/posts", "{}"), 403, "insufficient_ability");
        assertThat(me.post("/_probe/posts", "{}").status()).isEqualTo(200);
        assertThat(script.get("/auth/me").json().get("abilities").toString()).isEqualTo("[\"posts:read\",\"profile:read\"]");
        assertProblem(script.get("/auth/tokens"), 403, "insufficient_ability");
        assertProblem(script.post("/auth/tokens", "{\"name\":\"x\",\"abilities\":[\"posts:read\"]}"), 403, "insufficient_ability");

        long id = created.json().get("token").get("id").asLong();
        assertThat(me.delete("/auth/tokens/" + id).status()).isEqualTo(204);
        assertProblem(script.get("/_probe/posts"), 401, "invalid_token");
        assertProblem(me.delete("/auth/tokens/" + id), 404, "not_found");
    }

    @Test
    void abilitiesNeverExceedTheOwnersRoles() {
        Http member = client().withToken(bearer(register(client(), newEmail())));
        var beyond = member.post("/auth/tokens", "{\"name\":\"x\",\"abilities\":[\"posts:write\"]}");
        assertProblem(beyond, 422, "validation_failed");
        assertThat(beyond.json().get("errors").get("abilities").get(0).asString()).contains("beyond your roles");
        assertProblem(member.post("/auth/tokens", "{\"name\":\"x\",\"abilities\":[\"rockets:launch\"]}"), 422, "validation_failed");
        assertProblem(member.post("/auth/tokens", "{\"name\":\"x\",\"abilities\":[]}"), 422, "validation_failed");
        assertProblem(member.post("/auth/tokens", "{\"name\":\"x\",\"abilities\":[\"posts:read\"],\"expires_at\":\"2001-01-01T00:00:00Z\"}"),
                422, "validation_failed");
        assertProblem(http.post("/auth/tokens", "{\"name\":\"x\",\"abilities\":[\"posts:read\"]}"), 401, "unauthenticated");
    }

    @Test
    void expiredTokensAndOtherUsersTokensAreRefused() {
        Http alice = client().withToken(bearer(register(client(), newEmail())));
        Http bob = client().withToken(bearer(register(client(), newEmail())));
        var created = alice.post("/auth/tokens", "{\"name\":\"soon gone\",\"abilities\":[\"posts:read\"],\"expires_at\":\"2099-01-01T00:00:00Z\"}");
        long id = created.json().get("token").get("id").asLong();
        String secret = created.json().get("plain_text_token").asString();
        assertProblem(bob.delete("/auth/tokens/" + id), 404, "not_found");
        assertThat(client().withToken(secret).get("/_probe/posts").status()).isEqualTo(200);

        jdbc.sql("UPDATE personal_access_tokens SET expires_at = now() - interval '1 second' WHERE id = :id").param("id", id).update();
        assertProblem(client().withToken(secret).get("/_probe/posts"), 401, "invalid_token");
        assertProblem(client().withToken("rtp_pat_made-up").get("/_probe/posts"), 401, "invalid_token");
    }
}
