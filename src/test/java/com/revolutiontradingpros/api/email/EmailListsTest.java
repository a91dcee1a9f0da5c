package com.revolutiontradingpros.api.email;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Http;

/** The staff's lists, rows 49–52 of 06-email. */
class EmailListsTest extends ApiTest {

    @Test
    void editorsCreateRenameAndDeleteLists() {
        Http editor = as(Role.EDITOR);
        String name = "Webinar " + UUID.randomUUID().toString().substring(0, 8);
        var created = editor.post("/email/subscribers/lists", "{\"name\":\"%s\",\"description\":\"Live sessions\",\"visibility\":\"public\"}"
                .formatted(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String slug = created.json().get("slug").asString();
        assertThat(slug).startsWith("webinar-");
        assertThat(created.json().get("subscribed_count").asInt()).isZero();
        assertThat(created.header("ETag")).isNotBlank();
        assertThat(created.header("Location")).isEqualTo("/email/subscribers/lists/" + id);

        assertProblem(editor.post("/email/subscribers/lists", "{\"name\":\"Again\",\"slug\":\"%s\",\"visibility\":\"private\"}".formatted(slug)),
                409, "slug_taken");
        var twin = editor.post("/email/subscribers/lists", "{\"name\":\"%s\",\"visibility\":\"private\"}".formatted(name));
        assertThat(twin.json().get("slug").asString()).isEqualTo(slug + "-2");

        var listed = editor.get("/email/subscribers/lists?q=" + name.substring(8) + "&sort=-created_at");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().get("meta").get("total").asInt()).isEqualTo(2);
        assertThat(listed.json().get("data").get(0).get("visibility").asString()).isEqualTo("private");
        assertThat(editor.get("/email/subscribers/lists?q=" + name.substring(8) + "&filter[visibility]=public").json().get("meta")
                .get("total").asInt()).isEqualTo(1);

        String etag = created.header("ETag");
        var renamed = editor.patch("/email/subscribers/lists/" + id, "{\"name\":\"Weekly webinar\",\"description\":null}", "If-Match", etag);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Weekly webinar");
        assertThat(renamed.json().get("slug").asString()).isEqualTo(slug);
        assertThat(renamed.json().get("description").isNull()).isTrue();
        assertProblem(editor.patch("/email/subscribers/lists/" + id, "{\"name\":\"Stale\"}", "If-Match", etag), 412, "stale_version");
        assertProblem(editor.patch("/email/subscribers/lists/" + id, "{\"slug\":\"%s\"}".formatted(twin.json().get("slug").asString())),
                409, "slug_taken");
        var moved = editor.patch("/email/subscribers/lists/" + id, "{\"slug\":\"%s-live\",\"visibility\":\"private\"}".formatted(slug));
        assertThat(moved.json().get("slug").asString()).isEqualTo(slug + "-live");
        assertThat(moved.json().get("visibility").asString()).isEqualTo("private");

        assertThat(editor.delete("/email/subscribers/lists/" + id).status()).isEqualTo(204);
        assertProblem(editor.delete("/email/subscribers/lists/" + id), 404, "not_found");
        assertProblem(editor.patch("/email/subscribers/lists/" + id, "{\"name\":\"Gone\"}"), 404, "not_found");
        assertProblem(editor.patch("/email/subscribers/lists/abc", "{\"name\":\"Gone\"}"), 404, "not_found");
    }

    @Test
    void badInputIsAFieldError() {
        Http editor = as(Role.EDITOR);
        var blank = editor.post("/email/subscribers/lists", "{\"name\":\" \",\"visibility\":\"secret\",\"slug\":\"Not A Slug\"}");
        assertProblem(blank, 422, "validation_failed");
        assertThat(blank.json().get("errors").propertyNames()).contains("name", "visibility");
        assertProblem(editor.post("/email/subscribers/lists", "{\"name\":\"Fine\",\"visibility\":\"public\",\"slug\":\"Not A Slug\"}"), 422,
                "validation_failed");
        assertProblem(editor.post("/email/subscribers/lists", "{\"name\":\"Fine\",\"visibility\":\"public\",\"colour\":\"red\"}"), 422,
                "validation_failed");
        assertThat(editor.post("/email/subscribers/lists", "{\"name\":").status()).isEqualTo(400);

        long id = editor.post("/email/subscribers/lists", "{\"name\":\"Patch target\",\"visibility\":\"public\"}").json().get("id").asLong();
        var patch = editor.patch("/email/subscribers/lists/" + id, "{\"name\":\"\",\"visibility\":\"hidden\",\"owner\":1,\"slug\":\"a b\"}");
        assertProblem(patch, 422, "validation_failed");
        assertThat(patch.json().get("errors").propertyNames()).contains("name", "visibility", "owner", "slug");
        assertProblem(editor.get("/email/subscribers/lists?filter[visibility]=hidden"), 422, "validation_failed");
        assertProblem(editor.get("/email/subscribers/lists?sort=members"), 422, "validation_failed");
    }

    @Test
    void membersAndVisitorsCannotRunLists() {
        Http member = signUp("Member Without Rights").client();
        assertProblem(member.get("/email/subscribers/lists"), 403, "forbidden");
        assertProblem(member.post("/email/subscribers/lists", "{\"name\":\"Mine\",\"visibility\":\"public\"}"), 403, "forbidden");
        assertProblem(as(Role.AUTHOR).delete("/email/subscribers/lists/1"), 403, "forbidden");
        assertProblem(http.get("/email/subscribers/lists"), 401, "unauthenticated");
        assertProblem(http.patch("/email/subscribers/lists/1", "{}"), 401, "unauthenticated");
    }
}
