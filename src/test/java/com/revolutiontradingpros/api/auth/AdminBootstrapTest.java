package com.revolutiontradingpros.api.auth;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.revolutiontradingpros.api.auth.passwords.Passwords;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.TestServices;

/** ADMIN_EMAIL and ADMIN_PASSWORD create the first super admin once, with an Argon2id hash. */
class AdminBootstrapTest extends ApiTest {

    @DynamicPropertySource
    static void admin(DynamicPropertyRegistry registry) {
        registry.add("app.database.url", () -> TestServices.createDatabase("rtp_t_" + TestServices.RUN_ID + "_bootstrap"));
        registry.add("app.bootstrap.admin-email", () -> "Owner@Example.com");
        registry.add("app.bootstrap.admin-password", () -> "correct horse battery staple");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Passwords passwords;

    @Autowired
    java.util.List<ApplicationRunner> runners;

    @Test
    void theConfiguredAdminExistsOnceWithAnArgon2idHash() throws Exception {
        for (var runner : runners) {
            runner.run(new DefaultApplicationArguments());
        }
        var admins = jdbc.sql("SELECT email, password_hash, roles::text, password_change_required FROM users WHERE 'super_admin' = ANY (roles)")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list();
        assertThat(admins).hasSize(1);
        assertThat(admins.get(0)[0]).isEqualTo("Owner@Example.com");
        assertThat(admins.get(0)[1]).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(admins.get(0)[2]).isEqualTo("{member,super_admin}");
        assertThat(admins.get(0)[3]).isEqualTo("f");
        assertThat(passwords.matches("correct horse battery staple", admins.get(0)[1])).isTrue();
        assertThat(passwords.matches("wrong password", admins.get(0)[1])).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = 'owner@example.com'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theLastSuperAdminCannotBeDemotedSuspendedOrDeleted() {
        long owner = jdbc.sql("SELECT id FROM users WHERE email = 'owner@example.com'").query(Long.class).single();
        var self = http.withToken(tokenFor(owner, Role.SUPER_ADMIN));
        assertProblem(
                self.put("/users/" + owner + "/roles", "{\"roles\":[\"member\"]}"), 409, "last_super_admin");
        assertProblem(self.post("/users/" + owner + "/suspend", ""), 409, "last_super_admin");
        assertProblem(self.delete("/users/" + owner), 409, "last_super_admin");
        assertProblem(
                as(Role.ADMIN).post("/users/" + owner + "/suspend", ""), 403, "forbidden");
    }

    @Test
    void laravelBcryptHashesVerifyAndAskForARehash() {
        String laravel = BCrypt.hashpw("secret-from-laravel", BCrypt.gensalt(10)).replaceFirst("^\\$2a\\$", "\\$2y\\$");
        assertThat(laravel).startsWith("$2y$10$");
        assertThat(passwords.matches("secret-from-laravel", laravel)).isTrue();
        assertThat(passwords.matches("not-it", laravel)).isFalse();
        assertThat(passwords.needsRehash(laravel)).isTrue();
        assertThat(passwords.needsRehash(passwords.hash("x"))).isFalse();
    }
}
