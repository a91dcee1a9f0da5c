package com.revolutiontradingpros.api.content;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.GrantedEntitlements;
import com.revolutiontradingpros.api.support.Http;
import com.revolutiontradingpros.api.support.Response;

class PostsTest extends ApiTest {

    private static String words(int n) {
        return "word ".repeat(n).strip();
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private Response create(Http client, String json) {
        var response = client.post("/posts", json);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    @Test
    void draftToPublicPost() {
        var author = as(Role.AUTHOR);
        var editor = as(Role.EDITOR);
        var category = editor.post("/categories", "{\"name\":\"%s\"}".formatted(unique("Strategies")));
        assertThat(category.status()).as(category.toString()).isEqualTo(201);
        long categoryId = category.json().get("id").asLong();
        String tagName = unique("Futures");
        String title = unique("Gap and Go Strategy");
        var post = create(author, """
                {"title":"%s","body_html":"<p>%s</p>","category_ids":[%d],"tag_names":["%s"]}"""
                .formatted(title, words(300), categoryId, tagName));
        assertThat(post.json().get("status").asString()).isEqualTo("draft");
        assertThat(post.json().get("reading_time_minutes").asInt()).isEqualTo(2);
        String slug = post.json().get("slug").asString();
        assertThat(slug).startsWith("gap-and-go-strategy-");
        long id = post.json().get("id").asLong();

        assertProblem(http.get("/posts/" + slug), 404, "not_found");
        assertProblem(author.post("/posts/" + id + "/publish", "{}"), 403, "forbidden");
        var published = editor.post("/posts/" + id + "/publish", "{}");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("published");
        assertThat(published.json().get("published_at").isNull()).isFalse();

        var read = http.get("/posts/" + slug);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("body_html").asString()).contains("word");
        assertThat(read.header("Cache-Control")).contains("public");
        var again = http.get("/posts/" + slug, "If-None-Match", read.header("ETag"));
        assertThat(again.status()).isEqualTo(304);

        var list = http.get("/posts");
        assertThat(list.json().get("data").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(list.json().get("data").get(0).has("body_html")).isFalse();
        assertThat(http.get("/categories/" + categoryId).json().get("post_count").asInt()).isEqualTo(1);
        long tagId = post.json().get("tag_ids").get(0).asLong();
        assertThat(http.get("/tags/" + tagId).json().get("post_count").asInt()).isEqualTo(1);

        Eventually.within(Duration.ofSeconds(5), () -> {
            var search = http.get("/search?q=optoins%20gap%20" + title.substring(title.lastIndexOf(' ') + 1));
            assertThat(search.status()).isEqualTo(200);
            assertThat(search.json().get("data").valueStream().map(hit -> hit.get("url").asString()))
                    .anyMatch(url -> url.endsWith("/" + slug));
        });
    }

    @Test
    void membersOnlyPostsNeverLeakTheGatedPart() {
        var editor = as(Role.EDITOR);
        String secret = "SECRET-" + UUID.randomUUID();
        var post = create(editor, """
                {"title":"%s","visibility":"members","body_html":"<p>Free intro words.</p><!--members-only--><p>%s details.</p>"}"""
                .formatted(unique("Members setup"), secret));
        long id = post.json().get("id").asLong();
        String slug = post.json().get("slug").asString();
        assertThat(editor.post("/posts/" + id + "/publish", "{}").status()).isEqualTo(200);

        var anonymous = http.get("/posts/" + slug);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("access").get("required").asString()).isEqualTo("members");
        assertThat(anonymous.json().get("access").get("locked").asBoolean()).isTrue();
        assertThat(anonymous.json().get("body_html").isNull()).isTrue();
        assertThat(anonymous.json().get("teaser_html").asString()).contains("Free intro");
        assertThat(anonymous.body()).doesNotContain(secret);
        assertThat(http.get("/posts?per_page=100").body()).doesNotContain(secret);
        assertThat(http.get("/posts/feed.xml").body()).doesNotContain(secret);

        var member = signUp("Reader");
        var full = member.client().get("/posts/" + slug);
        assertThat(full.json().get("access").get("locked").asBoolean()).isFalse();
        assertThat(full.json().get("body_html").asString()).contains(secret);
        assertThat(full.header("Cache-Control")).contains("private");
        // The list page is shared by everyone; only the locks are the caller's.
        java.util.function.Function<Response, Boolean> lockedInList = list -> list.json().get("data").valueStream()
                .filter(row -> row.get("id").asLong() == id).findFirst().orElseThrow().get("locked").asBoolean();
        assertThat(lockedInList.apply(http.get("/posts?per_page=100"))).isTrue();
        var memberList = member.client().get("/posts?per_page=100");
        assertThat(lockedInList.apply(memberList)).isFalse();
        assertThat(memberList.header("Cache-Control")).contains("private");
        assertThat(lockedInList.apply(http.get("/posts?per_page=100"))).isTrue();

        Eventually.within(Duration.ofSeconds(5), () -> assertThat(http.get("/search?q=" + slug.replace('-', '+')).json().get("meta")
                .get("total").asLong()).isPositive());
        assertThat(http.get("/search?q=" + secret).body()).doesNotContain(secret + " details");
        assertThat(http.get("/search?q=" + secret).json().get("data").valueStream()
                .noneMatch(hit -> hit.get("id").asLong() == id && hit.get("snippet").asString().contains("details"))).isTrue();
    }

    @Test
    void paidPostsOpenForHoldersOfTheirProducts() {
        var editor = as(Role.EDITOR);
        var indicator = GrantedEntitlements.product("Squeeze Pro Indicator");
        String secret = "PAID-" + UUID.randomUUID();
        var post = create(editor, """
                {"title":"%s","visibility":"paid","product_ids":[%d],"body_html":"<p>Setup intro.</p><!--members-only--><p>%s rules.</p>"}"""
                .formatted(unique("Squeeze settings"), indicator.id(), secret));
        long id = post.json().get("id").asLong();
        String slug = post.json().get("slug").asString();
        assertThat(editor.post("/posts/" + id + "/publish", "{}").status()).isEqualTo(200);

        var member = signUp("Indicator Buyer");
        var before = member.client().get("/posts/" + slug);
        assertThat(before.json().get("access").get("locked").asBoolean()).isTrue();
        assertThat(before.json().get("access").get("products").get(0).get("name").asString()).isEqualTo("Squeeze Pro Indicator");
        assertThat(before.body()).doesNotContain(secret);

        GrantedEntitlements.grant(member.id(), indicator.id());
        var after = member.client().get("/posts/" + slug);
        assertThat(after.json().get("access").get("locked").asBoolean()).isFalse();
        assertThat(after.json().get("body_html").asString()).contains(secret);
        // The open copy is never the one visitors and other members get.
        assertThat(http.get("/posts/" + slug).body()).doesNotContain(secret);
        assertThat(signUp("Other Member").client().get("/posts/" + slug).body()).doesNotContain(secret);
        assertThat(editor.get("/posts/" + slug).json().get("body_html").asString()).contains(secret);
    }

    @Test
    void scheduledPostsGoLiveOnceAtTheirTime() {
        var editor = as(Role.EDITOR);
        var post = create(editor, "{\"title\":\"%s\",\"body_html\":\"<p>%s</p>\"}".formatted(unique("Scheduled"), words(20)));
        long id = post.json().get("id").asLong();
        String slug = post.json().get("slug").asString();
        Instant at = Instant.now().plusSeconds(3);
        var scheduled = editor.post("/posts/" + id + "/schedule", "{\"publish_at\":\"%s\"}".formatted(at));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        assertThat(scheduled.json().get("status").asString()).isEqualTo("scheduled");
        assertProblem(http.get("/posts/" + slug), 404, "not_found");

        Eventually.within(Duration.ofSeconds(15), () ->
                assertThat(editor.get("/admin/posts/" + id).json().get("status").asString()).isEqualTo("published"));
        var live = editor.get("/admin/posts/" + id).json();
        assertThat(Duration.between(at, Instant.parse(live.get("published_at").asString())).abs()).isLessThan(Duration.ofSeconds(1));
        var revisions = editor.get("/posts/" + id + "/revisions").json().get("data");
        assertThat(revisions.valueStream().filter(r -> r.get("kind").asString().equals("publish")).count()).isEqualTo(1);
        assertThat(http.get("/posts/" + slug).status()).isEqualTo(200);

        var past = editor.post("/posts/" + id + "/schedule", "{\"publish_at\":\"2020-01-01T00:00:00Z\"}");
        assertThat(past.status()).isIn(409, 422);
        var other = create(editor, "{\"title\":\"%s\",\"body_html\":\"<p>%s</p>\"}".formatted(unique("Never"), words(5)));
        long otherId = other.json().get("id").asLong();
        var pastDraft = editor.post("/posts/" + otherId + "/schedule", "{\"publish_at\":\"2020-01-01T00:00:00Z\"}");
        assertProblem(pastDraft, 422, "validation_failed");
        assertThat(pastDraft.json().get("errors").has("publish_at")).isTrue();
        editor.post("/posts/" + otherId + "/schedule", "{\"publish_at\":\"%s\"}".formatted(Instant.now().plusSeconds(3)));
        assertThat(editor.post("/posts/" + otherId + "/unschedule", "{}").json().get("status").asString()).isEqualTo("draft");
        pause(Duration.ofSeconds(5));
        assertThat(editor.get("/admin/posts/" + otherId).json().get("status").asString()).isEqualTo("draft");
    }

    @Test
    void revisionsRestoreAndStaleWrites() {
        var editorA = as(Role.EDITOR);
        var editorB = as(Role.EDITOR);
        var post = create(editorA, "{\"title\":\"%s\",\"body_html\":\"<p>v1</p>\"}".formatted(unique("Revisions")));
        long id = post.json().get("id").asLong();
        String firstEtag = post.header("ETag");
        assertThat(editorB.patch("/posts/" + id, "{\"body_html\":\"<p>v2</p>\"}").status()).isEqualTo(200);
        assertThat(editorA.patch("/posts/" + id, "{\"body_html\":\"<p>v3</p>\"}").status()).isEqualTo(200);
        var revisions = editorA.get("/posts/" + id + "/revisions").json().get("data");
        assertThat(revisions.size()).isEqualTo(3);
        assertThat(revisions.valueStream().allMatch(r -> r.get("kind").asString().equals("manual"))).isTrue();
        assertProblem(editorA.patch("/posts/" + id, "{\"title\":\"Stale\"}", "If-Match", firstEtag), 412, "stale_version");

        long first = revisions.get(2).get("id").asLong();
        var restored = editorA.post("/posts/" + id + "/revisions/" + first + "/restore", "{}");
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().get("body_html").asString()).isEqualTo("<p>v1</p>");
        var after = editorA.get("/posts/" + id + "/revisions").json().get("data");
        assertThat(after.size()).isEqualTo(4);
        assertThat(after.get(0).get("kind").asString()).isEqualTo("restore");
        assertProblem(editorA.get("/posts/" + id + "/revisions/999999999"), 404, "not_found");

        var authorC = as(Role.AUTHOR);
        assertProblem(authorC.patch("/posts/" + id, "{\"title\":\"Mine now\"}"), 404, "not_found");
        editorA.post("/posts/" + id + "/publish", "{}");
        assertProblem(authorC.patch("/posts/" + id, "{\"title\":\"Mine now\"}"), 403, "editor_required");
    }

    @Test
    void slugsAreUniqueAndReserved() {
        var editor = as(Role.EDITOR);
        String title = unique("Gap Fill Strategy");
        String first = create(editor, "{\"title\":\"%s\"}".formatted(title)).json().get("slug").asString();
        String second = create(editor, "{\"title\":\"%s\"}".formatted(title)).json().get("slug").asString();
        assertThat(second).isEqualTo(first + "-2");
        assertProblem(editor.post("/posts", "{\"title\":\"x\",\"slug\":\"%s\"}".formatted(first)), 409, "slug_taken");
        assertProblem(editor.post("/posts", "{\"title\":\"x\",\"slug\":\"stats\"}"), 422, "slug_reserved");
        var suggestion = editor.get("/posts/slug-suggestion?title=" + title.replace(" ", "%20"));
        assertThat(suggestion.json().get("slug").asString()).isEqualTo(first + "-3");

        var live = create(editor, "{\"title\":\"%s\",\"body_html\":\"<p>words here</p>\"}".formatted(unique("Live")));
        long id = live.json().get("id").asLong();
        editor.post("/posts/" + id + "/publish", "{}");
        String newSlug = "gap-fill-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(editor.patch("/posts/" + id, "{\"slug\":\"%s\"}".formatted(newSlug)).status()).isEqualTo(200);
        assertThat(http.get("/posts/" + newSlug).status()).isEqualTo(200);
    }

    @Test
    void previewLinks() {
        var author = as(Role.AUTHOR);
        var post = create(author, "{\"title\":\"%s\",\"body_html\":\"<p>draft words</p>\"}".formatted(unique("Preview")));
        long id = post.json().get("id").asLong();
        var token = author.post("/posts/" + id + "/preview-tokens", "{\"expires_in\":3600}");
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        assertThat(token.json().get("preview_url").asString()).endsWith("/preview/" + token.json().get("token").asString());
        var preview = http.get("/posts/preview/" + token.json().get("token").asString());
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("title").asString()).isEqualTo(post.json().get("title").asString());
        assertThat(preview.header("X-Robots-Tag")).contains("noindex");
        assertThat(author.delete("/posts/" + id + "/preview-tokens/" + token.json().get("id").asLong()).status()).isEqualTo(204);
        assertProblem(http.get("/posts/preview/" + token.json().get("token").asString()), 410, "preview_expired");
        assertProblem(http.get("/posts/preview/unknown"), 404, "not_found");
        assertProblem(author.post("/posts/" + id + "/preview-tokens", "{\"expires_in\":10}"), 422, "validation_failed");
        assertProblem(as(Role.AUTHOR).post("/posts/" + id + "/preview-tokens", "{}"), 404, "not_found");
    }

    @Test
    void trashAndBulk() {
        var author = as(Role.AUTHOR);
        long own1 = create(author, "{\"title\":\"%s\"}".formatted(unique("Own one"))).json().get("id").asLong();
        long own2 = create(author, "{\"title\":\"%s\"}".formatted(unique("Own two"))).json().get("id").asLong();
        assertThat(author.delete("/posts/" + own1).status()).isEqualTo(204);
        assertThat(author.delete("/posts/" + own2).status()).isEqualTo(204);
        assertThat(author.get("/posts/stats").json().get("counts").get("trashed").asLong()).isEqualTo(2);
        assertThat(author.post("/posts/" + own1 + "/restore", "{}").json().get("status").asString()).isEqualTo("draft");
        var admin = as(Role.ADMIN);
        assertProblem(admin.delete("/posts/" + own1 + "/permanent"), 409, "not_trashed");
        assertThat(admin.delete("/posts/" + own2 + "/permanent").status()).isEqualTo(204);
        assertProblem(admin.get("/admin/posts/" + own2), 404, "not_found");
        assertProblem(author.delete("/posts/" + own1 + "/permanent"), 403, "forbidden");

        var editor = as(Role.EDITOR);
        long published = create(editor, "{\"title\":\"%s\",\"body_html\":\"<p>live words</p>\"}".formatted(unique("Bulk live")))
                .json().get("id").asLong();
        editor.post("/posts/" + published + "/publish", "{}");
        long draft = create(editor, "{\"title\":\"%s\"}".formatted(unique("Bulk draft"))).json().get("id").asLong();
        var bulk = editor.post("/posts/bulk", "{\"action\":\"archive\",\"ids\":[%d,%d,999999999]}".formatted(published, draft));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        assertThat(bulk.json().get("succeeded").asInt()).isEqualTo(2);
        assertThat(bulk.json().get("failed").asInt()).isEqualTo(1);
        assertThat(bulk.json().get("results").get(2).get("code").asString()).isEqualTo("not_found");
        assertProblem(editor.post("/posts/bulk", "{\"action\":\"archive\",\"ids\":[]}"), 422, "validation_failed");
        assertProblem(author.post("/posts/bulk", "{\"action\":\"archive\",\"ids\":[1]}"), 403, "forbidden");
    }

    @Test
    void bodiesAreSanitised() {
        var editor = as(Role.EDITOR);
        String[] payloads = {
                "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
                "<iframe src=\"https://evil.example/\"></iframe>", "<svg onload=alert(1)>", "<p style=\"background:url(javascript:alert(1))\">x</p>",
                "<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<img src=\"data:text/html;base64,PHNjcmlwdD4=\">", "<body onload=alert(1)>",
                "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "<object data=\"javascript:alert(1)\"></object>",
                "<embed src=\"javascript:alert(1)\">", "<form action=\"javascript:alert(1)\"><input type=submit></form>",
                "<details open ontoggle=alert(1)>", "<video><source onerror=\"alert(1)\"></video>", "<style>@import 'x'</style>",
                "<a href=\"&#106;avascript:alert(1)\">x</a>", "<img srcset=\"javascript:alert(1) 1x\">", "<base href=\"javascript:/\">",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">"};
        for (String payload : payloads) {
            var post = create(editor, "{\"title\":\"x\",\"body_html\":%s}".formatted(quote("<p>ok</p>" + payload)));
            String html = post.json().get("body_html").asString().toLowerCase();
            assertThat(html).as(payload).doesNotContain("<script", "onerror", "onload", "ontoggle", "javascript:", "<iframe src=\"https://evil",
                    "<svg", "style=", "<object", "<embed", "<form", "<base", "<meta", "data:text");
        }
        var kept = create(editor, "{\"title\":\"x\",\"body_html\":%s}".formatted(quote(
                "<h1>Big</h1><a href=\"https://x.example\" target=\"_blank\">x</a><iframe src=\"https://www.youtube.com/embed/abc\"></iframe>")));
        String html = kept.json().get("body_html").asString();
        assertThat(html).contains("<h2", "rel=\"noopener noreferrer\"", "youtube.com/embed/abc");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void badInputIs422NotA500() {
        var editor = as(Role.EDITOR);
        assertProblem(editor.post("/posts", "{}"), 422, "validation_failed");
        assertProblem(editor.post("/posts", "{\"title\":\"x\",\"visibility\":\"secret\"}"), 422, "validation_failed");
        assertProblem(editor.post("/posts", "{\"title\":\"x\",\"category_ids\":[\"a\"]}"), 422, "validation_failed");
        assertProblem(editor.post("/posts", "{\"title\":\"x\",\"product_ids\":[5]}"), 422, "validation_failed");
        assertProblem(editor.post("/posts", "{\"title\":\"x\",\"visibility\":\"paid\",\"product_ids\":[5]}"), 422, "unknown_product");
        assertProblem(editor.post("/posts", "{\"title\":\"x\",\"type\":\"page\",\"tag_names\":[\"a\"]}"), 422, "validation_failed");
        assertProblem(editor.post("/posts", "{\"title\":\"x\",\"nope\":1}"), 422, "validation_failed");
        assertProblem(editor.post("/posts", "{\"title\":\"x\",\"author_ids\":[999999991]}"), 422, "not_an_author");
        assertProblem(as(Role.AUTHOR).post("/posts", "{\"title\":\"x\",\"is_featured\":true}"), 403, "editor_required");
        assertProblem(http.post("/posts", "{\"title\":\"x\"}"), 401, "unauthenticated");
        assertProblem(as().post("/posts", "{\"title\":\"x\"}"), 403, "forbidden");
        assertProblem(http.get("/posts?filter[nope]=1"), 422, "validation_failed");
        assertProblem(http.get("/posts?filter[published_after]=yesterday"), 422, "validation_failed");
        assertProblem(http.get("/search"), 422, "validation_failed");
        assertProblem(editor.get("/admin/posts/999999999"), 404, "not_found");
        assertThat(http.get("/posts?q=%27%22)(*%26%7C%21").status()).isEqualTo(200);
        assertThat(http.get("/search?q=%27%22)(*%26%7C%21:*").status()).isEqualTo(200);
    }
}
