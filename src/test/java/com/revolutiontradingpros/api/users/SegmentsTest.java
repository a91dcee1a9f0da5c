package com.revolutiontradingpros.api.users;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Http;

class SegmentsTest extends ApiTest {

    @Test
    void segmentsKeepTheirFiltersAndCountLive() {
        Http admin = as(Role.ADMIN);
        String tag = "seg-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Segment " + tag;
        var created = admin.post("/members/segments", "{\"name\":\"%s\",\"filters\":{\"tag\":\"%s\",\"status\":\"active\"}}".formatted(name, tag));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("count").asInt()).isZero();

        long userId = signUp("Seg").id();
        admin.put("/users/" + userId + "/tags", "{\"tags\":[\"%s\"]}".formatted(tag));
        var listed = admin.get("/members/segments").json();
        for (var segment : listed) {
            if (segment.get("id").asLong() == id) {
                assertThat(segment.get("count").asInt()).isEqualTo(1);
            }
        }

        var renamed = admin.patch("/members/segments/" + id, "{\"name\":\"%s renamed\",\"filters\":{\"tag\":\"%s\",\"status\":\"suspended\"}}".formatted(name, tag));
        assertThat(renamed.json().get("count").asInt()).isZero();
        assertProblem(admin.post("/members/segments", "{\"name\":\"%s renamed\",\"filters\":{}}".formatted(name)), 409, "name_taken");
        assertProblem(admin.post("/members/segments", "{\"name\":\"x\",\"filters\":{\"shoe_size\":\"9\"}}"), 422, "validation_failed");
        assertProblem(admin.post("/members/segments", "{\"name\":\"x\",\"filters\":{\"role\":\"pilot\"}}"), 422, "validation_failed");
        assertProblem(admin.patch("/members/segments/987654321", "{\"name\":\"y\"}"), 404, "not_found");
        assertProblem(as(Role.EDITOR).get("/members/segments"), 403, "forbidden");
        assertThat(admin.delete("/members/segments/" + id).status()).isEqualTo(204);
        assertProblem(admin.delete("/members/segments/" + id), 404, "not_found");
    }
}
