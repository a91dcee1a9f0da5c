package com.revolutiontradingpros.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.Http;
import com.revolutiontradingpros.api.support.SecondNode;

/** What attackers try: telling accounts apart by timing, and using a token on another node after sign-out. */
class AbuseTest extends AuthTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void unknownEmailAndWrongPasswordTakeTheSameTime() {
        String email = newEmail();
        register(client(), email);
        // Both paths alternate, so drift affects them alike; the first 4 rounds warm up and are not counted.
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            // Each try comes from its own address; the known account's failures are cleared every few tries, as
            // the window would, so the per-email limit never answers instead of the password check.
            var unknownAnswer = client().post("/auth/login", "{\"email\":\"%s\",\"password\":\"wrong password %d\"}".formatted(newEmail(), i));
            var wrongAnswer = client().post("/auth/login", "{\"email\":\"%s\",\"password\":\"wrong password %d\"}".formatted(email, i));
            assertThat(unknownAnswer.status()).isEqualTo(401);
            assertThat(wrongAnswer.status()).isEqualTo(401);
            if (i >= 4) {
                unknown.add(unknownAnswer.took().toNanos());
                wrong.add(wrongAnswer.took().toNanos());
            }
            if (i % 4 == 3) {
                clearFailures(email);
            }
        }
        double unknownMedian = median(unknown);
        double wrongMedian = median(wrong);
        assertThat(Math.abs(unknownMedian - wrongMedian) / Math.max(unknownMedian, wrongMedian))
                .as("median unknown %.1f ms, wrong %.1f ms", unknownMedian / 1e6, wrongMedian / 1e6)
                .isLessThan(0.20);
    }

    @Test
    void signingOutOnOneNodeStopsTheTokenOnAnotherWithinASecond() {
        try (var other = SecondNode.start()) {
            Http nodeB = new Http("http://127.0.0.1:" + other.getEnvironment().getProperty("local.server.port")).fromNewIp();
            var tokens = register(client(), newEmail());
            Http onB = nodeB.withToken(bearer(tokens));
            assertThat(onB.get("/auth/me").status()).isEqualTo(200);

            assertThat(client().withToken(bearer(tokens)).post("/auth/logout", "").status()).isEqualTo(204);
            long loggedOut = System.nanoTime();
            Eventually.within(Duration.ofSeconds(1), () -> assertThat(onB.get("/auth/me").status()).isEqualTo(401));
            assertThat(Duration.ofNanos(System.nanoTime() - loggedOut)).isLessThan(Duration.ofSeconds(1));

            var second = register(client(), newEmail());
            Http secondOnB = nodeB.withToken(bearer(second));
            assertThat(secondOnB.get("/auth/me").status()).isEqualTo(200);
            assertThat(client().withToken(bearer(second)).delete("/auth/sessions/" + second.get("session_id").asString()).status())
                    .isEqualTo(204);
            Eventually.within(Duration.ofSeconds(1), () -> assertThat(secondOnB.get("/auth/me").status()).isEqualTo(401));
        }
    }

    private void clearFailures(String email) {
        jdbc.sql("DELETE FROM login_attempts WHERE email = :email").param("email", email).update();
        jdbc.sql("UPDATE users SET failed_logins = 0 WHERE email = :email").param("email", email).update();
    }

    private static double median(List<Long> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
