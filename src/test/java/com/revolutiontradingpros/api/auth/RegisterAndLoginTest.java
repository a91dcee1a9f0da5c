package com.revolutiontradingpros.api.auth;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCrypt;

class RegisterAndLoginTest extends AuthTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void registerSignsInAndSendsTheVerificationEmail() {
        var client = client();
        String email = newEmail();
        var tokens = register(client, email);
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asInt()).isEqualTo(900);
        assertThat(tokens.get("refresh_token").asString()).hasSizeGreaterThan(40);
        assertThat(tokens.get("user").get("email").asString()).isEqualTo(email);
        assertThat(tokens.get("user").get("roles").toString()).isEqualTo("[\"member\"]");
        assertThat(tokens.get("user").get("email_verified").asBoolean()).isFalse();
        assertThat(tokens.get("user").has("password_hash")).isFalse();

        var me = client.withToken(bearer(tokens)).get("/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("user").get("id").asLong()).isEqualTo(tokens.get("user").get("id").asLong());
        assertThat(me.json().get("session_id").asString()).isEqualTo(tokens.get("session_id").asString());

        assertProblem(client.post("/auth/register", """
                {"email":"%s","password":"%s","name":"Again"}""".formatted(email.toUpperCase(), PASSWORD)), 409, "email_taken");

        var mail = outbox().latest(email, "email-verification");
        assertThat(mail.get("subject").asString()).isEqualTo("Confirm your email address");
        assertThat(mail.get("html_body").asString()).contains("<a href=");
        String token = outbox().token(email, "email-verification");
        assertThat(client.post("/auth/verify-email", "{\"token\":\"" + token + "\"}").status()).isEqualTo(200);
        assertThat(client.post("/auth/verify-email", "{\"token\":\"" + token + "\"}").status()).isEqualTo(200);
        assertThat(client.withToken(bearer(tokens)).get("/auth/me").json().get("user").get("email_verified").asBoolean()).isTrue();
        assertProblem(client.post("/auth/verify-email", "{\"token\":\"not-a-token\"}"), 400, "token_invalid");
    }

    @Test
    void registerRefusesBadInputWithFieldErrors() {
        var client = client();
        var missing = client.post("/auth/register", "{}");
        assertProblem(missing, 422, "validation_failed");
        assertThat(missing.json().get("errors").has("email")).isTrue();
        assertThat(missing.json().get("errors").has("password")).isTrue();
        assertThat(missing.json().get("errors").has("name")).isTrue();

        var shortPassword = client.post("/auth/register", "{\"email\":\"%s\",\"password\":\"short\",\"name\":\"A\"}".formatted(newEmail()));
        assertProblem(shortPassword, 422, "validation_failed");
        assertThat(shortPassword.json().get("errors").get("password").get(0).asString()).contains("12");

        var common = client.post("/auth/register", "{\"email\":\"%s\",\"password\":\"Password1234\",\"name\":\"A\"}".formatted(newEmail()));
        assertThat(common.json().get("errors").get("password").get(0).asString()).contains("common");

        assertProblem(client.post("/auth/register", "{\"email\":\"not-an-email\",\"password\":\"%s\",\"name\":\"A\"}".formatted(PASSWORD)),
                422, "validation_failed");
        assertProblem(client.post("/auth/register", "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"A\",\"role\":\"admin\"}"
                .formatted(newEmail(), PASSWORD)), 422, "validation_failed");
        assertProblem(client.post("/auth/register", "{\"email\":\"' OR 1=1 --@x.com\",\"password\":\"%s\",\"name\":\"A\"}".formatted(PASSWORD)),
                422, "validation_failed");
        assertThat(client.send("POST", "/auth/register", "text/plain", "email=x").status()).isEqualTo(415);
    }

    @Test
    void wrongCredentialsSayNothingAboutWhichPartIsWrong() {
        var client = client();
        String email = newEmail();
        register(client, email);
        var wrongPassword = client.post("/auth/login", "{\"email\":\"%s\",\"password\":\"wrong password here\"}".formatted(email));
        var unknownEmail = client.post("/auth/login", "{\"email\":\"%s\",\"password\":\"wrong password here\"}".formatted(newEmail()));
        assertProblem(wrongPassword, 401, "invalid_credentials");
        assertProblem(unknownEmail, 401, "invalid_credentials");
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownEmail.json().get("detail"));
        assertThat(login(client, email.toUpperCase(), PASSWORD).get("user").get("email").asString()).isEqualTo(email);
    }

    @Test
    void fiveFailuresForAnEmailAre429UntilTheWindowPasses() {
        String email = newEmail();
        register(client(), email);
        for (int i = 0; i < 5; i++) {
            assertProblem(client().post("/auth/login", "{\"email\":\"%s\",\"password\":\"nope nope nope\"}".formatted(email)),
                    401, "invalid_credentials");
        }
        var throttled = client().post("/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD));
        assertProblem(throttled, 429, "rate_limited");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(800L, 901L);

        // Once the failures are older than the window, the right password works again.
        jdbc.sql("UPDATE login_attempts SET created_at = created_at - interval '16 minutes' WHERE email = :email")
                .param("email", email).update();
        assertThat(login(client(), email, PASSWORD).get("access_token").asString()).isNotBlank();
    }

    @Test
    void fiftyFailuresFromOneAddressAre429ForEveryEmail() {
        // 49 failures sprayed over many emails earlier in the window (faster than the route's 30/minute cap allows).
        jdbc.sql("INSERT INTO login_attempts (email, ip, succeeded, reason, created_at) "
                + "SELECT 'spray' || g || '@example.com', '198.51.100.9', false, 'wrong_password', now() - interval '5 minutes' "
                + "FROM generate_series(1, 49) g").update();
        var address = client().withHeader("X-Forwarded-For", "198.51.100.9");
        assertProblem(address.post("/auth/login", "{\"email\":\"%s\",\"password\":\"spray spray spray\"}".formatted(newEmail())),
                401, "invalid_credentials");
        String email = newEmail();
        register(client(), email);
        var blocked = address.post("/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD));
        assertProblem(blocked, 429, "rate_limited");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(500L, 901L);
        assertThat(login(client(), email, PASSWORD).get("access_token").asString()).isNotBlank();
    }

    @Test
    void tenFailuresInARowLockTheAccountAndSendANotice() {
        var client = client();
        String email = newEmail();
        register(client, email);
        jdbc.sql("UPDATE users SET failed_logins = 9 WHERE email = :email").param("email", email).update();
        assertProblem(client.post("/auth/login", "{\"email\":\"%s\",\"password\":\"nope nope nope\"}".formatted(email)), 401,
                "invalid_credentials");
        assertProblem(client().post("/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD)), 429,
                "rate_limited");
        assertThat(outbox().latest(email, "account-locked").get("subject").asString()).contains("locked");

        long id = jdbc.sql("SELECT id FROM users WHERE email = :email").param("email", email).query(Long.class).single();
        var unlock = as(com.revolutiontradingpros.api.platform.security.Role.ADMIN).post("/auth/admin/users/" + id + "/unlock", "");
        assertThat(unlock.status()).as(unlock.toString()).isEqualTo(200);
        assertThat(login(client(), email, PASSWORD).get("access_token").asString()).isNotBlank();
    }

    @Test
    void aLaravelBcryptUserSignsInAndIsRehashedAsArgon2id() {
        String email = newEmail();
        String laravelHash = BCrypt.hashpw("laravel-era-secret-99", BCrypt.gensalt(10)).replaceFirst("^\\$2a\\$", "\\$2y\\$");
        jdbc.sql("INSERT INTO users (email, password_hash, name, email_verified_at) VALUES (:email, :hash, 'Imported', now())")
                .param("email", email).param("hash", laravelHash).update();
        var tokens = login(client(), email, "laravel-era-secret-99");
        assertThat(tokens.get("user").get("email_verified").asBoolean()).isTrue();
        String stored = jdbc.sql("SELECT password_hash FROM users WHERE email = :email").param("email", email).query(String.class).single();
        assertThat(stored).startsWith("$argon2id$");
        assertThat(login(client(), email, "laravel-era-secret-99").get("access_token").asString()).isNotBlank();
    }

    @Test
    void suspendedAccountsCannotSignIn() {
        String email = newEmail();
        register(client(), email);
        jdbc.sql("UPDATE users SET status = 'suspended' WHERE email = :email").param("email", email).update();
        assertProblem(client().post("/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD)), 403,
                "account_suspended");
    }

    @Test
    void adminsSeeFailedSignInsAndMembersGetANewDeviceNotice() {
        String email = newEmail();
        register(client().withHeader("User-Agent", "Mozilla/5.0 (Windows NT 10.0) Firefox/133.0"), email);
        login(client().withHeader("User-Agent", "Mozilla/5.0 (Windows NT 10.0) Firefox/133.0"), email, PASSWORD);
        login(client().withHeader("User-Agent", "Mozilla/5.0 (Linux; Android 15) Chrome/131.0"), email, PASSWORD);
        assertThat(outbox().latest(email, "new-device").get("text_body").asString()).contains("Android");

        var attacker = client().withHeader("X-Forwarded-For", "203.0.113.77");
        attacker.post("/auth/login", "{\"email\":\"%s\",\"password\":\"guess guess guess\"}".formatted(email));
        var admin = as(com.revolutiontradingpros.api.platform.security.Role.ADMIN);
        var attempts = admin.get("/auth/admin/login-attempts?filter[email]=" + email);
        assertThat(attempts.status()).isEqualTo(200);
        assertThat(attempts.json().get("meta").get("total").asInt()).isEqualTo(1);
        assertThat(attempts.json().get("data").get(0).get("ip").asString()).isEqualTo("203.0.113.77");
        assertThat(attempts.json().get("data").get(0).get("reason").asString()).isEqualTo("wrong_password");
        assertThat(admin.get("/auth/admin/login-attempts?filter[ip]=203.0.113.77&filter[from]=2026-01-01").json().get("meta").get("total")
                .asInt()).isPositive();
        assertProblem(admin.get("/auth/admin/login-attempts?filter[ip]=not-an-ip"), 422, "validation_failed");
        assertProblem(admin.get("/auth/admin/login-attempts?filter[from]=last-week"), 422, "validation_failed");
        assertProblem(client().withToken(bearer(login(client(), email, PASSWORD))).get("/auth/admin/login-attempts"), 403, "forbidden");
    }

    @Test
    void meNeedsAToken() {
        assertProblem(http.get("/auth/me"), 401, "unauthenticated");
    }
}
