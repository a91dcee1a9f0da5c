package com.revolutiontradingpros.api.auth.deletion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.revolutiontradingpros.api.support.ApiTest;

/** The erasure job itself: only deleted, unheld accounts past their 30 days lose their personal data. */
class AccountErasureTest extends ApiTest {

    @Autowired
    AccountErasure erasure;

    @Autowired
    JdbcClient jdbc;

    @Test
    void erasesOnlyDueUnheldDeletedAccounts() {
        long due = user("deleted", "now() - interval '31 days'", false);
        long held = user("deleted", "now() - interval '31 days'", true);
        long recent = user("deleted", "now() - interval '2 days'", false);
        long restored = user("active", "NULL", false);

        assertThat(erasure.erase(due)).isTrue();
        assertThat(erasure.erase(held)).isFalse();
        assertThat(erasure.erase(recent)).isFalse();
        assertThat(erasure.erase(restored)).isFalse();

        var row = jdbc.sql("SELECT email::text, name, password_hash FROM users WHERE id = :id").param("id", due)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        assertThat(row[0]).isEqualTo("erased-" + due + "@erased.invalid");
        assertThat(row[1]).isEmpty();
        assertThat(row[2]).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM sessions WHERE user_id = :id").param("id", due).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT email::text FROM users WHERE id = :id").param("id", held).query(String.class).single())
                .doesNotStartWith("erased-");
    }

    private long user(String status, String deletedAt, boolean hold) {
        return jdbc.sql("INSERT INTO users (email, name, password_hash, status, deleted_at, erasure_hold) VALUES (:email, 'Someone', 'x', :status, "
                        + deletedAt + ", :hold) RETURNING id")
                .param("email", UUID.randomUUID() + "@example.com").param("status", status).param("hold", hold)
                .query(Long.class).single();
    }
}
