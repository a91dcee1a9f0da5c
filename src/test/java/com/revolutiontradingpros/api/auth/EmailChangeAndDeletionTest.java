package com.revolutiontradingpros.api.auth;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.Http;

class EmailChangeAndDeletionTest extends AuthTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void changingTheEmailIsConfirmedFromTheNewAddress() {
        String old = newEmail();
        String fresh = newEmail();
        Http me = client().withToken(bearer(register(client(), old)));

        assertProblem(me.post("/auth/email/change", "{\"new_email\":\"%s\",\"password\":\"wrong\"}".formatted(fresh)), 422, "validation_failed");
        assertProblem(me.post("/auth/email/change", "{\"new_email\":\"%s\",\"password\":\"%s\"}".formatted(old, PASSWORD)), 422,
                "validation_failed");
        assertProblem(me.post("/auth/email/change", "{\"new_email\":\"not an email\",\"password\":\"%s\"}".formatted(PASSWORD)), 422,
                "validation_failed");
        assertThat(me.post("/auth/email/change", "{\"new_email\":\"%s\",\"password\":\"%s\"}".formatted(fresh, PASSWORD)).status())
                .isEqualTo(202);
        assertThat(outbox().latest(old, "email-change-requested").get("text_body").asString()).contains(fresh);
        String token = outbox().token(fresh, "email-change");

        var confirmed = client().post("/auth/email/confirm", "{\"token\":\"%s\"}".formatted(token));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().get("email").asString()).isEqualTo(fresh);
        assertThat(me.get("/auth/me").json().get("user").get("email").asString()).isEqualTo(fresh);
        assertThat(login(client(), fresh, PASSWORD).get("access_token").asString()).isNotBlank();
        assertProblem(client().post("/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(old, PASSWORD)), 401,
                "invalid_credentials");
        assertProblem(client().post("/auth/email/confirm", "{\"token\":\"%s\"}".formatted(token)), 400, "token_invalid");
        assertThat(outbox().latest(old, "email-changed").get("subject").asString()).contains("changed");
    }

    @Test
    void anAddressTakenMeanwhileIs409AndATakenAddressGetsNoLink() {
        String wanted = newEmail();
        Http me = client().withToken(bearer(register(client(), newEmail())));
        me.post("/auth/email/change", "{\"new_email\":\"%s\",\"password\":\"%s\"}".formatted(wanted, PASSWORD));
        String token = outbox().token(wanted, "email-change");
        register(client(), wanted);
        assertProblem(client().post("/auth/email/confirm", "{\"token\":\"%s\"}".formatted(token)), 409, "email_taken");

        Http other = client().withToken(bearer(register(client(), newEmail())));
        assertThat(other.post("/auth/email/change", "{\"new_email\":\"%s\",\"password\":\"%s\"}".formatted(wanted, PASSWORD)).status())
                .isEqualTo(202);
        assertThat(outbox().count(wanted, "email-change")).isEqualTo(1);
    }

    @Test
    void deletingTheAccountSignsOutEverywhereAndSchedulesErasure() {
        String email = newEmail();
        var tokens = register(client(), email);
        Http me = client().withToken(bearer(tokens));
        long id = tokens.get("user").get("id").asLong();

        assertProblem(me.post("/auth/account/delete", "{\"password\":\"wrong\"}"), 422, "validation_failed");
        assertProblem(me.post("/auth/account/delete", "{}"), 422, "validation_failed");
        var deleted = me.post("/auth/account/delete", "{\"password\":\"%s\"}".formatted(PASSWORD));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        Instant erasureAt = Instant.parse(deleted.json().get("erasure_scheduled_at").asString());
        assertThat(erasureAt).isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));

        Eventually.within(Duration.ofSeconds(1), () -> assertThat(me.get("/auth/me").status()).isEqualTo(401));
        assertProblem(client().post("/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD)), 403,
                "account_suspended");
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'account-erasure' AND task_instance = :instance")
                .param("instance", "user-" + id).query(Long.class).single()).isEqualTo(1);
        assertThat(outbox().latest(email, "account-deleted").get("subject").asString()).contains("deleted");
        assertProblem(client().withToken(bearer(tokens)).post("/auth/account/delete", "{\"password\":\"x\"}"), 401, "invalid_token");
    }
}
