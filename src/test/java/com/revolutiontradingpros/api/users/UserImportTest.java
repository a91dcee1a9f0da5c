package com.revolutiontradingpros.api.users;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;
import tools.jackson.databind.JsonNode;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.Http;

class UserImportTest extends ApiTest {

    static JsonNode importAndWait(Http admin, String csv, Duration timeout) {
        var started = admin.postFile("/users/import", "file", "users.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.header("Location");
        var done = new java.util.concurrent.atomic.AtomicReference<JsonNode>();
        Eventually.within(timeout, () -> {
            var job = admin.get(location).json();
            assertThat(job.get("status").asString()).isIn("done", "failed");
            done.set(job);
        });
        return done.get();
    }

    @Test
    void aBadLineIsReportedAndImportingAgainChangesNothing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String laravel = BCrypt.hashpw("imported-secret-123", BCrypt.gensalt(10)).replaceFirst("^\\$2a\\$", "\\$2y\\$");
        String csv = "email,name,roles,tags,password_hash\r\n"
                + "ann-" + run + "@example.com,Ann Import,author,\"vip, early-bird\"," + laravel + "\r\n"
                + "not-an-email,Broken Row,,,\r\n"
                + "bob-" + run + "@example.com,\"Bob, Jr.\",,,\r\n";
        Http admin = as(Role.ADMIN);
        var report = importAndWait(admin, csv, Duration.ofSeconds(30));
        assertThat(report.get("status").asString()).isEqualTo("done");
        assertThat(report.get("lines").asInt()).isEqualTo(3);
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("failed").asInt()).isEqualTo(1);
        assertThat(report.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(report.get("errors").get(0).get("message").asString()).contains("email");

        var again = importAndWait(admin, csv, Duration.ofSeconds(30));
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);

        var login = http.fromNewIp().post("/auth/login", "{\"email\":\"ann-%s@example.com\",\"password\":\"imported-secret-123\"}".formatted(run));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().get("user").get("roles").toString()).isEqualTo("[\"member\",\"author\"]");
        var ann = admin.get("/users?filter[tag]=early-bird&q=ann-" + run).json();
        assertThat(ann.get("meta").get("total").asInt()).isEqualTo(1);
        assertThat(admin.get("/users?q=bob-" + run).json().get("data").get(0).get("name").asString()).isEqualTo("Bob, Jr.");
    }

    @Test
    void filesWithoutAnEmailColumnOrStaffRolesAreRefused() {
        Http admin = as(Role.ADMIN);
        var noEmail = importAndWait(admin, "name,roles\r\nSomeone,member\r\n", Duration.ofSeconds(30));
        assertThat(noEmail.get("status").asString()).isEqualTo("failed");
        assertThat(noEmail.get("message").asString()).contains("email");

        var staff = importAndWait(admin, "email,roles\r\nboss-" + UUID.randomUUID() + "@example.com,admin\r\n", Duration.ofSeconds(30));
        assertThat(staff.get("failed").asInt()).isEqualTo(1);
        assertThat(staff.get("errors").get(0).get("message").asString()).contains("cannot be imported");

        assertProblem(as(Role.EDITOR).postFile("/users/import", "file", "u.csv", "text/csv", "email\r\n".getBytes()), 403, "forbidden");
        assertProblem(admin.postFile("/users/import", "file", "u.csv", "text/csv", new byte[0]), 422, "validation_failed");
        assertProblem(admin.get("/users/import/987654321"), 404, "not_found");
    }
}
