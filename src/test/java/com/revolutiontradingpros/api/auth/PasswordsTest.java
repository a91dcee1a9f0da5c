package com.revolutiontradingpros.api.auth;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.revolutiontradingpros.api.support.Eventually;

class PasswordsTest extends AuthTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void forgotAndResetSignOutEverySession() {
        var client = client();
        assertThat(client.post("/auth/forgot-password", "{\"email\":\"%s\"}".formatted(newEmail())).status()).isEqualTo(202);

        String email = newEmail();
        var session = register(client, email);
        var answer = client.post("/auth/forgot-password", "{\"email\":\"%s\"}".formatted(email));
        assertThat(answer.status()).isEqualTo(202);
        String token = outbox().token(email, "password-reset");

        var check = client.get("/auth/reset-password/" + token);
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().get("email").asString()).startsWith(email.substring(0, 2)).endsWith("@example.com").contains("***");

        assertProblem(client.post("/auth/reset-password", "{\"token\":\"%s\",\"password\":\"short\"}".formatted(token)), 422,
                "validation_failed");
        var reset = client.post("/auth/reset-password", "{\"token\":\"%s\",\"password\":\"Brand-New-Desk-Key-77\"}".formatted(token));
        assertThat(reset.status()).isEqualTo(200);
        Eventually.within(Duration.ofSeconds(1), () ->
                assertThat(client.withToken(bearer(session)).get("/auth/me").status()).isEqualTo(401));
        assertProblem(client.post("/auth/reset-password", "{\"token\":\"%s\",\"password\":\"Another-New-Key-88\"}".formatted(token)), 400,
                "token_invalid");
        assertProblem(client.get("/auth/reset-password/" + token), 400, "token_invalid");
        assertThat(login(client, email, "Brand-New-Desk-Key-77").get("access_token").asString()).isNotBlank();
        assertThat(outbox().latest(email, "password-changed").get("subject").asString()).isEqualTo("Your password was changed");
    }

    @Test
    void unknownEmailsGetNoMailAndExpiredLinksAre410() {
        String unknown = newEmail();
        assertThat(client().post("/auth/forgot-password", "{\"email\":\"%s\"}".formatted(unknown)).status()).isEqualTo(202);
        assertThat(outbox().count(unknown, "password-reset")).isZero();

        String email = newEmail();
        register(client(), email);
        client().post("/auth/forgot-password", "{\"email\":\"%s\"}".formatted(email));
        String token = outbox().token(email, "password-reset");
        jdbc.sql("UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE user_id = "
                + "(SELECT id FROM users WHERE email = :email)").param("email", email).update();
        assertProblem(client().get("/auth/reset-password/" + token), 410, "token_expired");
        assertProblem(client().post("/auth/reset-password", "{\"token\":\"%s\",\"password\":\"Brand-New-Desk-Key-77\"}".formatted(token)),
                410, "token_expired");
        assertProblem(client().post("/auth/forgot-password", "{\"email\":\"nope\"}"), 422, "validation_failed");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndSignsOutOtherSessions() {
        String email = newEmail();
        var here = register(client(), email);
        var elsewhere = login(client(), email, PASSWORD);
        var me = client().withToken(bearer(here));

        var wrong = me.put("/auth/password", "{\"current_password\":\"not it at all\",\"password\":\"Brand-New-Desk-Key-77\"}");
        assertProblem(wrong, 422, "validation_failed");
        assertThat(wrong.json().get("errors").has("current_password")).isTrue();
        assertProblem(me.put("/auth/password", "{\"current_password\":\"%s\",\"password\":\"password1234\"}".formatted(PASSWORD)), 422,
                "validation_failed");
        assertProblem(http.put("/auth/password", "{\"current_password\":\"x\",\"password\":\"y\"}"), 401, "unauthenticated");

        var changed = me.put("/auth/password", "{\"current_password\":\"%s\",\"password\":\"Brand-New-Desk-Key-77\"}".formatted(PASSWORD));
        assertThat(changed.status()).isEqualTo(200);
        Eventually.within(Duration.ofSeconds(1), () ->
                assertThat(client().withToken(bearer(elsewhere)).get("/auth/me").status()).isEqualTo(401));
        assertThat(me.get("/auth/me").status()).isEqualTo(200);
        assertThat(login(client(), email, "Brand-New-Desk-Key-77").get("access_token").asString()).isNotBlank();
        var log = me.get("/auth/security-log");
        assertThat(log.body()).contains("password_changed").contains("registered");
    }

    @Test
    void resendingVerificationIsLimitedToThreeAnHour() {
        var member = register(client(), newEmail());
        var me = client().withToken(bearer(member));
        assertThat(me.post("/auth/verify-email/resend", "").status()).isEqualTo(202);
        assertThat(me.post("/auth/verify-email/resend", "").status()).isEqualTo(202);
        assertProblem(me.post("/auth/verify-email/resend", ""), 429, "rate_limited");
        assertProblem(http.post("/auth/verify-email/resend", ""), 401, "unauthenticated");
    }
}
