package com.revolutiontradingpros.api.content;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Http;

/** Rows 20–23 and 27: unpublish, archive and unarchive in the state machine, duplicates and autosaves. */
class PostStatesTest extends ApiTest {

    private static String unique(String base) {
        return base + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private long create(Http client, String json) {
        var created = client.post("/posts", json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static String status(Http editor, long id) {
        return editor.get("/admin/posts/" + id).json().get("status").asString();
    }

    @Test
    void unpublishArchiveAndUnarchive() {
        var editor = as(Role.EDITOR);
        var author = as(Role.AUTHOR);
        long id = create(editor, "{\"title\":\"%s\",\"body_html\":\"<p>Live words.</p>\"}".formatted(unique("Lifecycle")));
        String slug = editor.get("/admin/posts/" + id).json().get("slug").asString();

        assertProblem(editor.post("/posts/" + id + "/unpublish", "{}"), 409, "invalid_transition");
        assertProblem(editor.post("/posts/" + id + "/unarchive", "{}"), 409, "invalid_transition");
        assertThat(editor.post("/posts/" + id + "/publish", "{}").status()).isEqualTo(200);
        assertThat(http.get("/posts/" + slug).status()).isEqualTo(200);

        // published -> draft: gone from the public, published_at cleared.
        var unpublished = editor.post("/posts/" + id + "/unpublish", "{}");
        assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(200);
        assertThat(unpublished.json().get("status").asString()).isEqualTo("draft");
        assertThat(unpublished.json().get("published_at").isNull()).isTrue();
        assertProblem(http.get("/posts/" + slug), 404, "not_found");

        // published -> archived: readable by its link with noindex, out of the lists.
        assertThat(editor.post("/posts/" + id + "/publish", "{}").status()).isEqualTo(200);
        var archived = editor.post("/posts/" + id + "/archive", "{}");
        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(archived.json().get("status").asString()).isEqualTo("archived");
        var direct = http.get("/posts/" + slug);
        assertThat(direct.status()).isEqualTo(200);
        assertThat(direct.header("X-Robots-Tag")).isEqualTo("noindex");
        assertThat(http.get("/posts?per_page=100").json().get("data").valueStream().map(p -> p.get("id").asLong())).doesNotContain(id);
        assertProblem(editor.post("/posts/" + id + "/archive", "{}"), 409, "invalid_transition");
        assertProblem(editor.post("/posts/" + id + "/publish", "{}"), 409, "invalid_transition");

        // archived -> draft.
        var unarchived = editor.post("/posts/" + id + "/unarchive", "{}");
        assertThat(unarchived.status()).as(unarchived.toString()).isEqualTo(200);
        assertThat(unarchived.json().get("status").asString()).isEqualTo("draft");
        assertProblem(http.get("/posts/" + slug), 404, "not_found");

        // A draft may be archived straight away; a trashed post may not.
        assertThat(editor.post("/posts/" + id + "/archive", "{}").json().get("status").asString()).isEqualTo("archived");
        assertThat(editor.post("/posts/" + id + "/unarchive", "{}").status()).isEqualTo(200);
        assertThat(editor.delete("/posts/" + id).status()).isEqualTo(204);
        assertProblem(editor.post("/posts/" + id + "/archive", "{}"), 409, "invalid_transition");
        assertThat(editor.post("/posts/" + id + "/restore", "{}").status()).isEqualTo(200);
        assertThat(status(editor, id)).isEqualTo("draft");

        for (String action : new String[] {"unpublish", "archive", "unarchive"}) {
            assertProblem(author.post("/posts/" + id + "/" + action, "{}"), 403, "forbidden");
            assertProblem(http.post("/posts/" + id + "/" + action, "{}"), 401, "unauthenticated");
            assertProblem(editor.post("/posts/999999999/" + action, "{}"), 404, "not_found");
            assertProblem(editor.post("/posts/not-a-number/" + action, "{}"), 404, "not_found");
        }
    }

    @Test
    void duplicatesAreDraftCopiesOwnedByTheCaller() {
        var editor = as(Role.EDITOR);
        var author = as(Role.AUTHOR);
        long category = editor.post("/categories", "{\"name\":\"%s\"}".formatted(unique("Copies"))).json().get("id").asLong();
        String title = unique("Weekly Plan");
        long original = create(author, """
                {"title":"%s","excerpt":"The plan.","body_html":"<p>Entry, stop, target.</p>","visibility":"members",
                 "category_ids":[%d],"tag_names":["%s"]}""".formatted(title, category, unique("plans")));
        String slug = author.get("/admin/posts/" + original).json().get("slug").asString();

        var copy = author.post("/posts/" + original + "/duplicate", "{}");
        assertThat(copy.status()).as(copy.toString()).isEqualTo(201);
        var json = copy.json();
        assertThat(copy.header("Location")).isEqualTo("/admin/posts/" + json.get("id").asLong());
        assertThat(json.get("title").asString()).isEqualTo("Copy of " + title);
        assertThat(json.get("slug").asString()).isEqualTo(slug + "-copy");
        assertThat(json.get("status").asString()).isEqualTo("draft");
        assertThat(json.get("visibility").asString()).isEqualTo("members");
        assertThat(json.get("body_html").asString()).contains("Entry, stop, target.");
        assertThat(json.get("category_ids").get(0).asLong()).isEqualTo(category);
        assertThat(json.get("tag_ids").size()).isEqualTo(1);
        assertThat(json.get("is_featured").asBoolean()).isFalse();
        assertThat(json.get("preview_token_count").asInt()).isZero();

        // A published post copied by an editor: the copy is the editor's own draft.
        assertThat(editor.post("/posts/" + original + "/publish", "{}").status()).isEqualTo(200);
        var second = editor.post("/posts/" + original + "/duplicate", "{}");
        assertThat(second.json().get("slug").asString()).isEqualTo(slug + "-copy-2");
        assertThat(second.json().get("author_ids").size()).isEqualTo(1);
        assertThat(second.json().get("author_ids").get(0).asLong()).isNotEqualTo(json.get("author_ids").get(0).asLong());
        assertThat(second.json().get("published_at").isNull()).isTrue();

        // Another author cannot see (so cannot copy) someone else's draft.
        long draftCopy = json.get("id").asLong();
        assertProblem(as(Role.AUTHOR).post("/posts/" + draftCopy + "/duplicate", "{}"), 404, "not_found");
        assertProblem(http.post("/posts/" + draftCopy + "/duplicate", "{}"), 401, "unauthenticated");
        assertProblem(as(Role.MEMBER).post("/posts/" + draftCopy + "/duplicate", "{}"), 403, "forbidden");
        assertProblem(editor.post("/posts/999999999/duplicate", "{}"), 404, "not_found");
    }

    @Test
    void autosavesAreKeptPerPersonUntilTheirNextSave() {
        var author = as(Role.AUTHOR);
        String title = unique("Autosaved");
        long id = create(author, "{\"title\":\"%s\",\"body_html\":\"<p>First words.</p>\"}".formatted(title));

        var saved = author.put("/posts/" + id + "/autosave",
                "{\"title\":\"%s (typing)\",\"body_html\":\"<p>Second words.</p><script>x()</script>\"}".formatted(title));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("body_html").asString()).contains("Second words.").doesNotContain("script");
        // The post is unchanged; its editor screen offers the newer autosave.
        var screen = author.get("/admin/posts/" + id).json();
        assertThat(screen.get("title").asString()).isEqualTo(title);
        assertThat(screen.get("autosave").get("title").asString()).isEqualTo(title + " (typing)");
        // One per person and post: a second autosave replaces the first.
        author.put("/posts/" + id + "/autosave", "{\"title\":\"%s (more)\",\"body_html\":\"<p>Third.</p>\"}".formatted(title));
        assertThat(author.get("/admin/posts/" + id).json().get("autosave").get("title").asString()).isEqualTo(title + " (more)");

        // Saving the post deletes the caller's autosave.
        var version = author.get("/admin/posts/" + id).header("ETag");
        assertThat(author.patch("/posts/" + id, "{\"title\":\"%s v2\"}".formatted(title), "If-Match", version).status()).isEqualTo(200);
        assertThat(author.get("/admin/posts/" + id).json().get("autosave").isNull()).isTrue();

        var missingTitle = author.put("/posts/" + id + "/autosave", "{\"body_html\":\"<p>x</p>\"}");
        assertProblem(missingTitle, 422, "validation_failed");
        assertThat(missingTitle.json().get("errors").has("title")).isTrue();
        assertProblem(as(Role.AUTHOR).put("/posts/" + id + "/autosave", "{\"title\":\"t\",\"body_html\":\"\"}"), 404, "not_found");
        assertProblem(as(Role.MEMBER).put("/posts/" + id + "/autosave", "{\"title\":\"t\",\"body_html\":\"\"}"), 403, "forbidden");
        assertProblem(http.put("/posts/" + id + "/autosave", "{\"title\":\"t\",\"body_html\":\"\"}"), 401, "unauthenticated");
    }
}
