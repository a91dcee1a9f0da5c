package com.revolutiontradingpros.api.users;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.Http;

class UsersAdminTest extends ApiTest {

    @Test
    void onlyAdminsListUsersWithFiltersAndSorting() {
        var member = signUp("Listed Member");
        assertProblem(member.client().get("/users"), 403, "forbidden");
        assertProblem(http.get("/users"), 401, "unauthenticated");

        Http admin = as(Role.ADMIN);
        var list = admin.get("/users?filter[role]=member&sort=-created_at&q=" + member.email().substring(0, 30));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("meta").get("total").asInt()).isEqualTo(1);
        assertThat(list.json().get("data").get(0).get("email").asString()).isEqualTo(member.email());
        assertThat(list.json().get("data").get(0).has("password_hash")).isFalse();

        assertThat(admin.get("/users?created_from=2000-01-01&filter[verified]=false&per_page=5").json().get("meta").get("per_page").asInt())
                .isEqualTo(5);
        assertProblem(admin.get("/users?filter[role]=pilot"), 422, "validation_failed");
        assertProblem(admin.get("/users?filter[mfa]=maybe"), 422, "validation_failed");
        assertProblem(admin.get("/users?created_from=yesterday"), 422, "validation_failed");
        assertProblem(admin.get("/users?sort=password_hash"), 422, "validation_failed");
        assertProblem(admin.get("/users/987654321"), 404, "not_found");
    }

    @Test
    void onlySuperAdminsGrantAdminAndTheChangeAppliesOnTheNextRequest() {
        var x = signUp("Future Admin");
        assertProblem(as(Role.ADMIN).put("/users/" + x.id() + "/roles", "{\"roles\":[\"admin\"]}"), 403, "forbidden");
        assertProblem(as(Role.ADMIN).put("/users/" + x.id() + "/roles", "{\"roles\":[\"wizard\"]}"), 422, "validation_failed");
        assertProblem(as(Role.ADMIN).put("/users/" + x.id() + "/roles", "{}"), 422, "validation_failed");

        var granted = as(Role.SUPER_ADMIN).put("/users/" + x.id() + "/roles", "{\"roles\":[\"admin\"]}");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.json().get("account").get("roles").toString()).isEqualTo("[\"member\",\"admin\"]");
        assertThat(x.client().get("/users").status()).isEqualTo(200);

        var editorByAdmin = as(Role.ADMIN).put("/users/" + signUp("Writer").id() + "/roles", "{\"roles\":[\"member\",\"editor\"]}");
        assertThat(editorByAdmin.status()).isEqualTo(200);
        assertProblem(as(Role.ADMIN).put("/users/" + x.id() + "/roles", "{\"roles\":[\"member\"]}"), 403, "forbidden");

        var log = as(Role.ADMIN).get("/users/" + x.id() + "/activity?filter[action]=roles_changed").json();
        var change = log.get("data").get(0);
        assertThat(change.get("actor_id").isNull()).isFalse();
        assertThat(change.get("meta").get("changes").get("roles").get("to").toString()).contains("admin");
    }

    @Test
    void suspendingCutsAccessWithinASecondAndDeletionIsRestorable() {
        var x = signUp("Troublemaker");
        Http admin = as(Role.ADMIN);
        var suspended = admin.post("/users/" + x.id() + "/suspend", "{\"reason\":\"chargeback fraud\"}");
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.json().get("account").get("status").asString()).isEqualTo("suspended");
        Eventually.within(Duration.ofSeconds(1), () -> assertThat(x.client().get("/me").status()).isEqualTo(401));
        assertProblem(http.fromNewIp().post("/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(x.email(), MEMBER_PASSWORD)), 403,
                "account_suspended");
        assertThat(admin.get("/users/" + x.id() + "/activity").json().get("data").get(0).get("meta").get("reason").asString())
                .isEqualTo("chargeback fraud");

        assertThat(admin.post("/users/" + x.id() + "/unsuspend", "").status()).isEqualTo(200);
        assertProblem(admin.post("/users/" + x.id() + "/unsuspend", ""), 409, "not_suspended");

        var relogged = http.fromNewIp().post("/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(x.email(), MEMBER_PASSWORD));
        Http again = http.fromNewIp().withToken(relogged.json().get("access_token").asString());
        assertThat(admin.delete("/users/" + x.id()).status()).isEqualTo(204);
        Eventually.within(Duration.ofSeconds(1), () -> assertThat(again.get("/me").status()).isEqualTo(401));
        assertThat(admin.get("/users?q=" + x.email()).json().get("meta").get("total").asInt()).isZero();
        assertThat(admin.get("/users?filter[status]=deleted&q=" + x.email()).json().get("meta").get("total").asInt()).isEqualTo(1);
        assertThat(admin.post("/users/" + x.id() + "/restore", "").json().get("account").get("status").asString()).isEqualTo("active");
        assertProblem(admin.post("/users/987654321/suspend", ""), 404, "not_found");
    }

    @Test
    void staffCreateInviteEditAndVerifyUsers() {
        Http admin = as(Role.ADMIN);
        var outbox = new com.revolutiontradingpros.api.support.Outbox(admin);
        String email = "invited-" + UUID.randomUUID() + "@example.com";
        var created = admin.post("/users", "{\"email\":\"%s\",\"name\":\"New Coach\",\"roles\":[\"author\"],\"invite\":true}".formatted(email));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("account").get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/users/" + id);
        assertThat(created.json().get("account").get("roles").toString()).isEqualTo("[\"member\",\"author\"]");
        String token = outbox.token(email, "invitation");
        var set = http.fromNewIp().post("/auth/reset-password", "{\"token\":\"%s\",\"password\":\"%s\"}".formatted(token, MEMBER_PASSWORD));
        assertThat(set.status()).isEqualTo(200);
        assertThat(http.fromNewIp().post("/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, MEMBER_PASSWORD)).status())
                .isEqualTo(200);

        assertProblem(admin.post("/users", "{\"email\":\"%s\",\"name\":\"Again\"}".formatted(email)), 409, "email_taken");
        assertProblem(admin.post("/users", "{\"email\":\"nope\",\"name\":\"X\"}"), 422, "validation_failed");
        assertProblem(admin.post("/users", "{\"email\":\"boss-%s@example.com\",\"name\":\"X\",\"roles\":[\"admin\"]}".formatted(UUID.randomUUID())),
                403, "forbidden");
        assertProblem(signUp("Curious").client().post("/users", "{\"email\":\"a@b.co\",\"name\":\"X\"}"), 403, "forbidden");

        String newEmail = "renamed-" + UUID.randomUUID() + "@example.com";
        var patched = admin.patch("/users/" + id, "{\"name\":\"Coach Pat\",\"email\":\"%s\",\"timezone\":\"Europe/London\"}".formatted(newEmail));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("account").get("email").asString()).isEqualTo(newEmail);
        assertThat(patched.json().get("account").get("email_verified").asBoolean()).isFalse();
        assertProblem(admin.patch("/users/" + id, "{\"timezone\":\"Mars/Base\"}"), 422, "validation_failed");
        assertProblem(admin.patch("/users/" + id, "{\"email\":\"%s\"}".formatted(signUp("Holder").email())), 409, "email_taken");
        assertProblem(admin.patch("/users/987654321", "{\"name\":\"Ghost\"}"), 404, "not_found");
        var changes = admin.get("/users/" + id + "/activity?filter[action]=updated").json().get("data").get(0).get("meta").get("changes");
        assertThat(changes.get("email").get("to").asString()).isEqualTo(newEmail);
        assertThat(changes.get("timezone").get("to").asString()).isEqualTo("Europe/London");

        assertThat(admin.post("/users/" + id + "/verify-email", "").json().get("account").get("email_verified").asBoolean()).isTrue();
        assertThat(admin.post("/users/" + id + "/password-reset", "").status()).isEqualTo(202);
        assertThat(outbox.latest(newEmail, "password-reset").get("subject").asString()).isEqualTo("Reset your password");
    }

    @Test
    void statsCountRolesStatusesAndSignups() {
        signUp("Counted");
        var stats = as(Role.ADMIN).get("/users/stats");
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().get("by_role").get("member").asLong()).isPositive();
        assertThat(stats.json().get("by_status").get("active").asLong()).isPositive();
        assertThat(stats.json().get("signups_per_day").size()).isEqualTo(30);
        assertThat(stats.json().get("verified_percent").asDouble()).isBetween(0.0, 100.0);
        assertThat(as(Role.ADMIN).get("/users/stats?from=2026-01-01&to=2026-01-08").json().get("signups_per_day").size()).isEqualTo(7);
        assertProblem(as(Role.ADMIN).get("/users/stats?from=2026-02-01&to=2026-01-01"), 422, "validation_failed");
        assertProblem(as(Role.EDITOR).get("/users/stats"), 403, "forbidden");
    }

    @Test
    void csvExportStreamsTheFilterAndNeutralisesFormulas() {
        var evil = signUp("=HYPERLINK(A1),@SUM(B2)");
        Http admin = as(Role.ADMIN);
        admin.put("/users/" + evil.id() + "/tags", "{\"tags\":[\"csv-probe\"]}");
        var csv = admin.get("/users/export?filter[tag]=csv-probe&bom=true");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"users-");
        String body = csv.body();
        assertThat(body).startsWith("\uFEFFid,email,name,roles,status,email_verified,mfa_enabled,tags,created_at,last_login_at\r\n");
        var lines = body.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains(",\"'=HYPERLINK(A1),@SUM(B2)\",").contains(evil.email()).contains("csv-probe");
        assertThat(admin.get("/users/export").body()).doesNotStartWith("\uFEFF");
        assertProblem(evil.client().get("/users/export"), 403, "forbidden");
        assertProblem(admin.get("/users/export?filter[status]=gone"), 422, "validation_failed");
    }

    @Test
    void bulkActionsReportEveryId() {
        var a = signUp("Bulk A");
        var b = signUp("Bulk B");
        Http admin = as(Role.ADMIN);
        var tagged = admin.post("/users/bulk", "{\"action\":\"add_tag\",\"tag\":\"Spring-Promo\",\"ids\":[%d,%d,987654321]}".formatted(a.id(), b.id()));
        assertThat(tagged.status()).as(tagged.toString()).isEqualTo(200);
        assertThat(tagged.json().get("succeeded").asInt()).isEqualTo(2);
        assertThat(tagged.json().get("failed").asInt()).isEqualTo(1);
        assertThat(tagged.json().get("results").get(2).get("code").asString()).isEqualTo("not_found");
        assertThat(admin.get("/users?filter[tag]=spring-promo").json().get("meta").get("total").asInt()).isEqualTo(2);

        var suspended = admin.post("/users/bulk", "{\"action\":\"suspend\",\"ids\":[%d]}".formatted(a.id()));
        assertThat(suspended.json().get("succeeded").asInt()).isEqualTo(1);
        Eventually.within(Duration.ofSeconds(1), () -> assertThat(a.client().get("/me").status()).isEqualTo(401));
        assertThat(admin.post("/users/bulk", "{\"action\":\"remove_tag\",\"tag\":\"spring-promo\",\"ids\":[%d]}".formatted(b.id()))
                .json().get("succeeded").asInt()).isEqualTo(1);

        assertProblem(admin.post("/users/bulk", "{\"action\":\"explode\",\"ids\":[1]}"), 422, "validation_failed");
        assertProblem(admin.post("/users/bulk", "{\"action\":\"add_tag\",\"ids\":[1]}"), 422, "validation_failed");
        assertProblem(admin.post("/users/bulk", "{\"action\":\"suspend\",\"ids\":[]}"), 422, "validation_failed");
        assertProblem(b.client().post("/users/bulk", "{\"action\":\"suspend\",\"ids\":[1]}"), 403, "forbidden");
    }

    @Test
    void superAdminsImpersonateReadOnly() {
        var x = signUp("Impersonated Member");
        assertProblem(as(Role.ADMIN).post("/users/" + x.id() + "/impersonate", ""), 403, "forbidden");
        var issued = as(Role.SUPER_ADMIN).post("/users/" + x.id() + "/impersonate", "");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(issued.json().get("expires_in").asInt()).isEqualTo(900);
        Http asX = http.fromNewIp().withToken(issued.json().get("access_token").asString());

        var me = asX.get("/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(x.email());
        assertThat(me.header("X-Impersonated-By")).isNotBlank();
        var change = asX.put("/auth/password", "{\"current_password\":\"%s\",\"password\":\"Hijacked-Password-99\"}".formatted(MEMBER_PASSWORD));
        assertProblem(change, 403, "impersonation_read_only");
        assertThat(change.header("X-Impersonated-By")).isNotBlank();
        assertProblem(asX.patch("/me", "{\"name\":\"changed\"}"), 403, "impersonation_read_only");
        assertProblem(asX.post("/auth/mfa/totp/setup", ""), 403, "impersonation_read_only");
        assertThat(as(Role.ADMIN).get("/users/" + x.id() + "/activity?filter[action]=impersonated").json().get("meta").get("total").asInt())
                .isEqualTo(1);
        assertProblem(as(Role.SUPER_ADMIN).post("/users/987654321/impersonate", ""), 404, "not_found");
    }

    @Test
    void tagsAndNotes() {
        var x = signUp("Tagged");
        Http admin = as(Role.ADMIN);
        var tagged = admin.put("/users/" + x.id() + "/tags", "{\"tags\":[\" VIP \",\"day-trader\",\"vip\"]}");
        assertThat(tagged.json().get("tags").toString()).isEqualTo("[\"day-trader\",\"vip\"]");
        assertProblem(admin.put("/users/" + x.id() + "/tags", "{\"tags\":[\"\"]}"), 422, "validation_failed");
        assertThat(admin.get("/users?filter[tag]=VIP").json().get("data").toString()).contains(x.email());

        var note = admin.post("/users/" + x.id() + "/notes", "{\"body\":\"Asked for a refund on the options course.\",\"pinned\":true}");
        assertThat(note.status()).isEqualTo(201);
        long noteId = note.json().get("id").asLong();
        assertThat(admin.get("/users/" + x.id()).json().get("notes_count").asInt()).isEqualTo(1);
        assertProblem(as(Role.ADMIN).patch("/users/" + x.id() + "/notes/" + noteId, "{\"body\":\"rewritten by someone else\"}"), 403, "forbidden");
        assertThat(as(Role.ADMIN).patch("/users/" + x.id() + "/notes/" + noteId, "{\"pinned\":false}").json().get("pinned").asBoolean()).isFalse();
        assertThat(admin.patch("/users/" + x.id() + "/notes/" + noteId, "{\"body\":\"Refund granted.\"}").json().get("body").asString())
                .isEqualTo("Refund granted.");
        assertProblem(admin.get("/users/" + x.id() + "/notes/" + noteId + "/x"), 404, "not_found");
        var other = signUp("Other");
        assertProblem(admin.delete("/users/" + other.id() + "/notes/" + noteId), 404, "not_found");
        assertProblem(admin.post("/users/" + x.id() + "/notes", "{\"body\":\"\"}"), 422, "validation_failed");
        assertProblem(x.client().get("/users/" + x.id() + "/notes"), 403, "forbidden");
        assertThat(admin.delete("/users/" + x.id() + "/notes/" + noteId).status()).isEqualTo(204);
        JsonNode actions = admin.get("/users/" + x.id() + "/activity").json().get("data");
        assertThat(actions.toString()).contains("note_added", "note_deleted", "tags_changed");
    }
}
