package com.revolutiontradingpros.api.users;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.Http;

class DataExportTest extends ApiTest {

    @Test
    void aMemberGetsTheirDataAsAZipBehindASignedLink() throws Exception {
        var member = signUp("Exporter");
        String email = member.email();
        Http me = member.client();
        me.patch("/me", "{\"timezone\":\"Asia/Tokyo\"}");
        as(Role.ADMIN).post("/users/" + member.id() + "/verify-email", "");
        long list = as(Role.EDITOR).post("/email/subscribers/lists", "{\"name\":\"Export digest\",\"visibility\":\"public\"}").json()
                .get("id").asLong();
        assertThat(me.put("/me/email-subscriptions", "{\"lists\":{\"%d\":true}}".formatted(list)).status()).isEqualTo(200);

        assertProblem(me.get("/me/data-export"), 404, "not_found");
        var requested = me.post("/me/data-export", "");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        assertThat(requested.json().get("status").asString()).isIn("queued", "running", "ready");

        Eventually.within(Duration.ofSeconds(20), () -> assertThat(me.get("/me/data-export").json().get("status").asString()).isEqualTo("ready"));
        var ready = me.get("/me/data-export").json();
        String url = ready.get("download_url").asString();
        assertThat(url).contains("/media/files/exports/").contains("signature=");
        var zip = http.get(url.substring(url.indexOf("/media/files/")));
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.header("Content-Type")).isEqualTo("application/zip");

        var files = new HashMap<String, String>();
        try (var entries = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
            for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                files.put(entry.getName(), new String(entries.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files).containsKeys("profile.json", "activity.json", "security-log.json", "email-subscriptions.json");
        assertThat(files.get("email-subscriptions.json")).contains(email).contains("Export digest").contains("\"self\"").contains("list_added");
        assertThat(files.get("profile.json")).contains(email).contains("Asia/Tokyo");
        assertThat(files.get("security-log.json")).contains("registered");

        assertProblem(me.post("/me/data-export", ""), 429, "rate_limited");
        assertProblem(http.post("/me/data-export", ""), 401, "unauthenticated");
    }
}
