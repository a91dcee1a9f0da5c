package com.revolutiontradingpros.api.auth;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.Http;

class SessionsTest extends AuthTestSupport {

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheSession() {
        var client = client();
        String email = newEmail();
        var first = register(client, email);
        var second = client.post("/auth/refresh", "{\"refresh_token\":\"%s\"}".formatted(first.get("refresh_token").asString()));
        assertThat(second.status()).isEqualTo(200);
        var pair = second.json();
        assertThat(pair.get("refresh_token").asString()).isNotEqualTo(first.get("refresh_token").asString());
        assertThat(pair.get("session_id").asString()).isEqualTo(first.get("session_id").asString());
        assertThat(client.withToken(bearer(pair)).get("/auth/me").status()).isEqualTo(200);

        var reused = client.post("/auth/refresh", "{\"refresh_token\":\"%s\"}".formatted(first.get("refresh_token").asString()));
        assertProblem(reused, 401, "token_reused");
        assertProblem(client.post("/auth/refresh", "{\"refresh_token\":\"%s\"}".formatted(pair.get("refresh_token").asString())),
                401, "token_reused");
        Eventually.within(Duration.ofSeconds(1), () ->
                assertThat(client.withToken(bearer(pair)).get("/auth/me").status()).isEqualTo(401));
        var log = client.withToken(bearer(login(client, email, PASSWORD))).get("/auth/security-log?filter[kind]=token_reuse");
        assertThat(log.json().get("meta").get("total").asInt()).isGreaterThanOrEqualTo(1);

        assertProblem(client.post("/auth/refresh", "{\"refresh_token\":\"made-up\"}"), 401, "invalid_token");
        assertProblem(client.post("/auth/refresh", "{}"), 422, "validation_failed");
    }

    @Test
    void revokingAnotherDeviceCutsItsAccessWithinASecond() {
        String email = newEmail();
        var laptop = register(client().withHeader("User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Chrome/131.0"), email);
        var phone = login(client().withHeader("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/605.1"), email, PASSWORD);
        Http laptopClient = client().withToken(bearer(laptop));
        Http phoneClient = client().withToken(bearer(phone));

        var sessions = laptopClient.get("/auth/sessions").json();
        assertThat(sessions.size()).isEqualTo(2);
        var current = sessions.get(0).get("current").asBoolean() ? sessions.get(0) : sessions.get(1);
        var other = sessions.get(0).get("current").asBoolean() ? sessions.get(1) : sessions.get(0);
        assertThat(current.get("browser").asString()).isEqualTo("Chrome");
        assertThat(current.get("os").asString()).isEqualTo("macOS");
        assertThat(other.get("os").asString()).isEqualTo("iOS");
        assertThat(other.get("id").asString()).isEqualTo(phone.get("session_id").asString());

        var renamed = laptopClient.patch("/auth/sessions/" + other.get("id").asString(), "{\"device_name\":\"My iPhone\"}");
        assertThat(renamed.json().get("device_name").asString()).isEqualTo("My iPhone");
        assertProblem(laptopClient.patch("/auth/sessions/" + other.get("id").asString(), "{\"device_name\":\"\"}"), 422, "validation_failed");

        assertThat(laptopClient.delete("/auth/sessions/" + other.get("id").asString()).status()).isEqualTo(204);
        Eventually.within(Duration.ofSeconds(1), () -> assertThat(phoneClient.get("/auth/me").status()).isEqualTo(401));
        assertThat(laptopClient.get("/auth/me").status()).isEqualTo(200);
        assertProblem(laptopClient.delete("/auth/sessions/" + other.get("id").asString()), 404, "not_found");
    }

    @Test
    void anotherUsersSessionIsNotFound() {
        var alice = register(client(), newEmail());
        var bob = register(client(), newEmail());
        Http bobClient = client().withToken(bearer(bob));
        assertProblem(bobClient.delete("/auth/sessions/" + alice.get("session_id").asString()), 404, "not_found");
        assertProblem(bobClient.patch("/auth/sessions/" + alice.get("session_id").asString(), "{\"device_name\":\"x\"}"), 404, "not_found");
        assertProblem(bobClient.delete("/auth/sessions/not-a-uuid"), 404, "not_found");
        assertThat(client().withToken(bearer(alice)).get("/auth/me").status()).isEqualTo(200);
        assertProblem(http.get("/auth/sessions"), 401, "unauthenticated");
    }

    @Test
    void logoutEndsThisSessionAndLogoutAllEndsEvery() {
        String email = newEmail();
        var one = register(client(), email);
        var two = login(client(), email, PASSWORD);
        var three = login(client(), email, PASSWORD);

        assertThat(client().withToken(bearer(one)).post("/auth/logout", "").status()).isEqualTo(204);
        Eventually.within(Duration.ofSeconds(1), () -> assertThat(client().withToken(bearer(one)).get("/auth/me").status()).isEqualTo(401));
        assertProblem(client().post("/auth/refresh", "{\"refresh_token\":\"%s\"}".formatted(one.get("refresh_token").asString())),
                401, "token_reused");

        var others = client().withToken(bearer(two)).delete("/auth/sessions");
        assertThat(others.json().get("revoked").asInt()).isEqualTo(1);
        Eventually.within(Duration.ofSeconds(1), () -> assertThat(client().withToken(bearer(three)).get("/auth/me").status()).isEqualTo(401));
        assertThat(client().withToken(bearer(two)).get("/auth/me").status()).isEqualTo(200);

        var all = client().withToken(bearer(two)).post("/auth/logout/all", "");
        assertThat(all.json().get("revoked").asInt()).isEqualTo(1);
        Eventually.within(Duration.ofSeconds(1), () -> assertThat(client().withToken(bearer(two)).get("/auth/me").status()).isEqualTo(401));
    }

    @Test
    void adminsSeeAndEndAUsersSessions() {
        var member = register(client(), newEmail());
        long id = member.get("user").get("id").asLong();
        assertProblem(client().withToken(bearer(member)).get("/auth/admin/users/" + id + "/sessions"), 403, "forbidden");
        Http admin = as(Role.ADMIN);
        assertThat(admin.get("/auth/admin/users/" + id + "/sessions").json().size()).isEqualTo(1);
        assertProblem(admin.get("/auth/admin/users/987654321/sessions"), 404, "not_found");
        assertThat(admin.delete("/auth/admin/users/" + id + "/sessions").json().get("revoked").asInt()).isEqualTo(1);
        Eventually.within(Duration.ofSeconds(1), () -> assertThat(client().withToken(bearer(member)).get("/auth/me").status()).isEqualTo(401));
        assertThat(admin.get("/auth/admin/users/" + id + "/sessions").json().size()).isZero();
        assertProblem(admin.post("/auth/admin/users/" + UUID.randomUUID() + "/unlock", ""), 404, "not_found");
    }

    @Test
    void jwksPublishesOnlyPublicKeys() {
        var jwks = http.get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        var key = jwks.json().get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("kid")).isTrue();
        assertThat(key.has("n")).isTrue();
        assertThat(key.has("d")).isFalse();
        assertThat(key.has("p")).isFalse();
    }
}
