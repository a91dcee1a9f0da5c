package com.revolutiontradingpros.api.auth;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.Http;

/** TOTP enrolment and sign-in, with codes made by an independent TOTP implementation. */
class MfaTest extends AuthTestSupport {

    private static final DefaultCodeGenerator AUTHENTICATOR = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    static String code(String secret, int stepsAhead) throws Exception {
        return AUTHENTICATOR.generate(secret, Instant.now().getEpochSecond() / 30 + stepsAhead);
    }

    @Test
    void enableTotpThenSignInWithACodeOnceAndARecoveryCodeOnce() throws Exception {
        String email = newEmail();
        Http me = client().withToken(bearer(register(client(), email)));

        var setup = me.post("/auth/mfa/totp/setup", "");
        assertThat(setup.status()).isEqualTo(200);
        String secret = setup.json().get("secret").asString();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(setup.json().get("otpauth_uri").asString()).startsWith("otpauth://totp/Revolution%20Trading%20Pros:")
                .contains("secret=" + secret).contains("issuer=Revolution%20Trading%20Pros");
        assertThat(setup.json().get("qr_code").asString()).startsWith("data:image/png;base64,iVBOR");

        assertProblem(me.post("/auth/mfa/totp/confirm", "{\"code\":\"000000\"}"), 422, "validation_failed");
        var confirmed = me.post("/auth/mfa/totp/confirm", "{\"code\":\"" + code(secret, 0) + "\"}");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        List<String> recovery = new ArrayList<>();
        confirmed.json().get("recovery_codes").forEach(c -> recovery.add(c.asString()));
        assertThat(recovery).hasSize(10).allMatch(c -> c.length() == 10);
        assertThat(outbox().latest(email, "mfa-changed").get("subject").asString()).contains("Two-factor");
        assertProblem(me.post("/auth/mfa/totp/setup", ""), 409, "mfa_already_enabled");

        var status = me.get("/auth/mfa").json();
        assertThat(status.get("totp_enabled").asBoolean()).isTrue();
        assertThat(status.get("recovery_codes_left").asInt()).isEqualTo(10);

        JsonNode challenge = login(client(), email, PASSWORD);
        assertThat(challenge.get("mfa_required").asBoolean()).isTrue();
        assertThat(challenge.has("access_token")).isFalse();
        String nextCode = code(secret, 1);
        var signedIn = client().post("/auth/login/mfa", "{\"mfa_token\":\"%s\",\"code\":\"%s\"}".formatted(challenge.get("mfa_token").asString(), nextCode));
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        assertThat(client().withToken(bearer(signedIn.json())).get("/auth/me").json().get("mfa_enabled").asBoolean()).isTrue();

        String again = login(client(), email, PASSWORD).get("mfa_token").asString();
        assertProblem(client().post("/auth/login/mfa", "{\"mfa_token\":\"%s\",\"code\":\"%s\"}".formatted(again, nextCode)), 401,
                "invalid_mfa_code");
        var withRecovery = client().post("/auth/login/mfa", "{\"mfa_token\":\"%s\",\"recovery_code\":\"%s\"}".formatted(again, recovery.get(0)));
        assertThat(withRecovery.status()).isEqualTo(200);
        String third = login(client(), email, PASSWORD).get("mfa_token").asString();
        assertProblem(client().post("/auth/login/mfa", "{\"mfa_token\":\"%s\",\"recovery_code\":\"%s\"}".formatted(third, recovery.get(0))),
                401, "invalid_mfa_code");
        assertThat(me.get("/auth/mfa").json().get("recovery_codes_left").asInt()).isEqualTo(9);

        assertProblem(me.delete("/auth/mfa/totp"), 400, "body_required");
        var disabled = me.send("DELETE", "/auth/mfa/totp", "application/json",
                "{\"password\":\"%s\",\"recovery_code\":\"%s\"}".formatted(PASSWORD, recovery.get(1)));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(204);
        assertThat(login(client(), email, PASSWORD).has("access_token")).isTrue();
    }

    @Test
    void anMfaTokenAllowsFiveTries() throws Exception {
        String email = newEmail();
        Http me = client().withToken(bearer(register(client(), email)));
        String secret = me.post("/auth/mfa/totp/setup", "").json().get("secret").asString();
        me.post("/auth/mfa/totp/confirm", "{\"code\":\"" + code(secret, 0) + "\"}");

        String token = login(client(), email, PASSWORD).get("mfa_token").asString();
        for (int i = 0; i < 5; i++) {
            assertProblem(client().post("/auth/login/mfa", "{\"mfa_token\":\"%s\",\"code\":\"000000\"}".formatted(token)), 401,
                    "invalid_mfa_code");
        }
        assertProblem(client().post("/auth/login/mfa", "{\"mfa_token\":\"%s\",\"code\":\"%s\"}".formatted(token, code(secret, 1))), 401,
                "mfa_token_invalid");
        assertProblem(client().post("/auth/login/mfa", "{\"mfa_token\":\"%s\"}".formatted(token)), 422, "validation_failed");
        assertProblem(client().post("/auth/login/mfa", "{\"code\":\"123456\"}"), 422, "validation_failed");

        var regenerated = me.post("/auth/mfa/recovery-codes", "{\"code\":\"" + code(secret, 1) + "\"}");
        assertThat(regenerated.status()).as(regenerated.toString()).isEqualTo(200);
        assertThat(regenerated.json().get("recovery_codes").size()).isEqualTo(10);
    }

    @Test
    void adminsResetALockedOutMembersMfa() throws Exception {
        String email = newEmail();
        var member = register(client(), email);
        Http me = client().withToken(bearer(member));
        String secret = me.post("/auth/mfa/totp/setup", "").json().get("secret").asString();
        me.post("/auth/mfa/totp/confirm", "{\"code\":\"" + code(secret, 0) + "\"}");
        long id = member.get("user").get("id").asLong();

        assertProblem(me.delete("/auth/admin/users/" + id + "/mfa"), 403, "forbidden");
        var reset = as(Role.ADMIN).delete("/auth/admin/users/" + id + "/mfa");
        assertThat(reset.json().get("reset").asBoolean()).isTrue();
        assertThat(login(client(), email, PASSWORD).has("access_token")).isTrue();
        assertThat(me.get("/auth/security-log?filter[kind]=mfa_reset_by_admin").json().get("meta").get("total").asInt()).isEqualTo(1);
        assertProblem(as(Role.ADMIN).delete("/auth/admin/users/987654321/mfa"), 404, "not_found");
        assertProblem(http.get("/auth/mfa"), 401, "unauthenticated");
    }
}
