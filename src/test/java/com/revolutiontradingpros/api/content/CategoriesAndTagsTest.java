package com.revolutiontradingpros.api.content;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Http;

class CategoriesAndTagsTest extends ApiTest {

    private static String name(String base) {
        return base + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    private long category(Http editor, String name, Long parent) {
        var response = editor.post("/categories", parent == null ? "{\"name\":\"%s\"}".formatted(name)
                : "{\"name\":\"%s\",\"parent_id\":%d}".formatted(name, parent));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    @Test
    void categoryTreeRules() {
        var editor = as(Role.EDITOR);
        long trading = category(editor, name("Trading"), null);
        long options = category(editor, name("Options"), trading);
        long spreads = category(editor, name("Spreads"), options);
        assertProblem(editor.patch("/categories/" + trading, "{\"parent_id\":%d}".formatted(spreads)), 422, "category_cycle");
        assertProblem(editor.post("/categories", "{\"name\":\"Deep\",\"parent_id\":%d}".formatted(spreads)), 422, "depth_exceeded");
        var detail = http.get("/categories/" + spreads).json();
        assertThat(detail.get("breadcrumb").size()).isEqualTo(2);
        assertThat(detail.get("breadcrumb").get(0).get("id").asLong()).isEqualTo(trading);

        long post = editor.post("/posts", "{\"title\":\"%s\",\"body_html\":\"<p>words</p>\",\"category_ids\":[%d]}"
                .formatted(name("In options"), options)).json().get("id").asLong();
        editor.post("/posts/" + post + "/publish", "{}");
        assertThat(http.get("/categories/" + trading).json().get("total_post_count").asInt()).isEqualTo(1);
        assertProblem(editor.delete("/categories/" + options), 409, "category_has_posts");
        assertThat(editor.delete("/categories/" + options + "?reassign_to=" + trading).status()).isEqualTo(204);
        assertThat(http.get("/categories/" + spreads).json().get("parent_id").asLong()).isEqualTo(trading);
        assertThat(editor.get("/admin/posts/" + post).json().get("category_ids").get(0).asLong()).isEqualTo(trading);
        assertThat(http.get("/categories/" + trading).json().get("post_count").asInt()).isEqualTo(1);

        var tree = http.get("/categories?tree=true").json().get("data");
        assertThat(tree.valueStream().anyMatch(c -> c.get("id").asLong() == trading && c.get("children").size() == 1)).isTrue();
        assertProblem(as(Role.AUTHOR).post("/categories", "{\"name\":\"x\"}"), 403, "forbidden");
        assertProblem(editor.post("/categories", "{\"name\":\"\"}"), 422, "validation_failed");
        assertProblem(editor.patch("/categories/999999999", "{\"name\":\"x\"}"), 404, "not_found");
        assertProblem(http.get("/categories/no-such-category"), 404, "not_found");
        assertProblem(http.get("/categories/no-such-category"), 404, "not_found");
        var stale = editor.patch("/categories/" + trading, "{\"name\":\"Renamed\"}", "If-Match", "W/\"category-" + trading + "-0\"");
        assertProblem(stale, 412, "stale_version");
    }

    @Test
    void dragAndDropSavesManyPlacementsAtOnceOrNone() {
        var editor = as(Role.EDITOR);
        long a = category(editor, name("Order A"), null);
        long b = category(editor, name("Order B"), null);
        long c = category(editor, name("Order C"), null);

        var saved = editor.put("/categories/order", """
                [{"id":%d,"parent_id":null,"position":0},{"id":%d,"parent_id":%d,"position":1},{"id":%d,"parent_id":%d,"position":0}]"""
                .formatted(c, a, c, b, c));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        var detail = http.get("/categories/" + c).json();
        assertThat(detail.get("children").valueStream().map(child -> child.get("id").asLong())).containsExactly(b, a);
        assertThat(saved.json().get("data").valueStream().filter(root -> root.get("id").asLong() == c)
                .findFirst().orElseThrow().get("children").size()).isEqualTo(2);

        // A cycle anywhere refuses the whole drop: nothing moves.
        var cycle = editor.put("/categories/order", """
                [{"id":%d,"parent_id":null,"position":5},{"id":%d,"parent_id":%d,"position":0}]""".formatted(b, c, a));
        assertProblem(cycle, 422, "category_cycle");
        assertThat(http.get("/categories/" + b).json().get("parent_id").asLong()).isEqualTo(c);
        assertThat(http.get("/categories/" + c).json().get("parent_id").isNull()).isTrue();

        var unknown = editor.put("/categories/order", "[{\"id\":999999999,\"parent_id\":null,\"position\":0}]");
        assertProblem(unknown, 422, "validation_failed");
        assertThat(unknown.json().get("errors").has("[0].id")).isTrue();
        assertProblem(editor.put("/categories/order", "[]"), 422, "validation_failed");
        assertProblem(editor.put("/categories/order", "[{\"id\":%d}]".formatted(a)), 422, "validation_failed");
        assertProblem(editor.put("/categories/order", "{\"id\":1}"), 422, "validation_failed");
        assertProblem(as(Role.AUTHOR).put("/categories/order", "[]"), 403, "forbidden");
        assertProblem(http.put("/categories/order", "[]"), 401, "unauthenticated");
    }

    @Test
    void tagsAreRenamedAndDeleted() {
        var editor = as(Role.EDITOR);
        String name = name("Gamma Scalping");
        var created = editor.post("/tags", "{\"name\":\"%s\",\"description\":\"Hedging long options.\"}".formatted(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long tag = created.json().get("id").asLong();
        String slug = created.json().get("slug").asString();
        long post = editor.post("/posts", "{\"title\":\"%s\",\"body_html\":\"<p>g</p>\",\"tag_ids\":[%d]}".formatted(name("Gamma"), tag))
                .json().get("id").asLong();
        editor.post("/posts/" + post + "/publish", "{}");

        // A rename keeps the slug; a new slug is taken as given.
        var renamed = editor.patch("/tags/" + tag, "{\"name\":\"%s\"}".formatted(name + " II"), "If-Match", created.header("ETag"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("slug").asString()).isEqualTo(slug);
        var moved = editor.patch("/tags/" + tag, "{\"slug\":\"%s-moved\"}".formatted(slug));
        assertThat(moved.json().get("slug").asString()).isEqualTo(slug + "-moved");
        assertThat(http.get("/tags/" + slug + "-moved").json().get("post_count").asInt()).isEqualTo(1);
        assertProblem(editor.patch("/tags/" + tag, "{\"name\":\"x\"}", "If-Match", created.header("ETag")), 412, "stale_version");
        assertProblem(editor.patch("/tags/" + tag, "{\"slug\":\"Not A Slug\",\"name\":\"\"}"), 422, "validation_failed");
        assertProblem(editor.patch("/tags/999999999", "{\"name\":\"x\"}"), 404, "not_found");
        assertProblem(http.patch("/tags/" + tag, "{\"name\":\"x\"}"), 401, "unauthenticated");

        // Deleting takes it off every post.
        assertProblem(as(Role.AUTHOR).delete("/tags/" + tag), 403, "forbidden");
        assertProblem(http.delete("/tags/" + tag), 401, "unauthenticated");
        assertThat(editor.delete("/tags/" + tag).status()).isEqualTo(204);
        assertProblem(http.get("/tags/" + tag), 404, "not_found");
        assertThat(editor.get("/admin/posts/" + post).json().get("tag_ids").size()).isZero();
        assertProblem(editor.delete("/tags/" + tag), 404, "not_found");
    }

    @Test
    void tagsMergeAndInternalTags() {
        var editor = as(Role.EDITOR);
        String spx = name("SPX");
        String spxOptions = name("spx-options");
        long a = editor.post("/posts", "{\"title\":\"%s\",\"body_html\":\"<p>a</p>\",\"tag_names\":[\"%s\",\"%s\"]}"
                .formatted(name("A"), spx, spxOptions)).json().get("id").asLong();
        long b = editor.post("/posts", "{\"title\":\"%s\",\"body_html\":\"<p>b</p>\",\"tag_names\":[\"%s\"]}"
                .formatted(name("B"), spx.toUpperCase())).json().get("id").asLong();
        editor.post("/posts/" + a + "/publish", "{}");
        editor.post("/posts/" + b + "/publish", "{}");
        var tags = editor.get("/admin/posts/" + a).json().get("tag_ids");
        long target = tags.get(0).asLong();
        long source = tags.get(1).asLong();
        assertThat(editor.get("/admin/posts/" + b).json().get("tag_ids").get(0).asLong()).isEqualTo(target);
        assertThat(http.get("/tags/" + target).json().get("post_count").asInt()).isEqualTo(2);

        var merged = editor.post("/tags/merge", "{\"source_ids\":[%d],\"target_id\":%d}".formatted(source, target));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.json().get("post_count").asInt()).isEqualTo(2);
        assertProblem(http.get("/tags/" + source), 404, "not_found");
        assertProblem(editor.post("/tags/merge", "{\"source_ids\":[%d],\"target_id\":%d}".formatted(target, target)), 422,
                "validation_failed");
        assertProblem(editor.post("/tags", "{\"name\":\"%s\"}".formatted(spx.toLowerCase())), 409, "tag_exists");

        var internal = as(Role.AUTHOR).post("/tags", "{\"name\":\"#%s\"}".formatted(UUID.randomUUID().toString().substring(0, 8)));
        assertThat(internal.status()).isEqualTo(201);
        assertThat(internal.json().get("slug").asString()).startsWith("hash-");
        assertProblem(http.get("/tags/" + internal.json().get("id").asLong()), 404, "not_found");
        assertThat(http.get("/tags?per_page=100&q=%23").json().get("data").size()).isZero();
        assertProblem(as(Role.AUTHOR).patch("/tags/" + target, "{\"name\":\"x\"}"), 403, "forbidden");
        assertProblem(http.post("/tags", "{\"name\":\"x\"}"), 401, "unauthenticated");
        assertProblem(editor.post("/tags/bulk", "{\"action\":\"explode\"}"), 422, "validation_failed");
        assertThat(editor.post("/tags/bulk", "{\"action\":\"delete\",\"ids\":[999999999]}").json().get("failed").asInt()).isEqualTo(1);
    }
}
