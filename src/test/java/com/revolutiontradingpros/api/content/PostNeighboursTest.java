package com.revolutiontradingpros.api.content;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Http;

/** Rows 3, 4, 7 and 8: what a reader sees around a post (related and adjacent posts) and the author pages. */
class PostNeighboursTest extends ApiTest {

    private static String unique(String base) {
        return base + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates and publishes a post, backdated by the given hours; returns its slug. */
    private String publish(Http editor, String fields, long hoursAgo) {
        var created = editor.post("/posts", "{\"title\":\"%s\",\"body_html\":\"<p>Words about trading.</p><!--members-only--><p>More.</p>\",%s}"
                .formatted(unique("Neighbour"), fields));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String at = Instant.now().minus(hoursAgo, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        var published = editor.post("/posts/" + created.json().get("id").asLong() + "/publish", "{\"published_at\":\"%s\"}".formatted(at));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return created.json().get("slug").asString();
    }

    private static List<String> slugs(JsonNode list) {
        var slugs = new ArrayList<String>();
        list.forEach(post -> slugs.add(post.get("slug").asString()));
        return slugs;
    }

    @Test
    void relatedPostsRankSharedTagsAboveSharedCategories() {
        var editor = as(Role.EDITOR);
        long category = editor.post("/categories", "{\"name\":\"%s\"}".formatted(unique("Related"))).json().get("id").asLong();
        var tags = editor.post("/posts", "{\"title\":\"%s\",\"tag_names\":[\"%s\",\"%s\"]}"
                .formatted(unique("Tag holder"), unique("tag one"), unique("tag two"))).json().get("tag_ids");
        long one = tags.get(0).asLong();
        long two = tags.get(1).asLong();

        String post = publish(editor, "\"category_ids\":[%d],\"tag_ids\":[%d,%d]".formatted(category, one, two), 10);
        String bothTags = publish(editor, "\"tag_ids\":[%d,%d]".formatted(one, two), 9);
        String oneTagGated = publish(editor, "\"tag_ids\":[%d],\"visibility\":\"members\"".formatted(one), 8);
        String categoryOnly = publish(editor, "\"category_ids\":[%d]".formatted(category), 7);
        String categoryOnlyOlder = publish(editor, "\"category_ids\":[%d]".formatted(category), 20);
        publish(editor, "\"tag_ids\":[]", 6);
        long draft = editor.post("/posts", "{\"title\":\"%s\",\"tag_ids\":[%d,%d]}".formatted(unique("Draft"), one, two)).json().get("id").asLong();

        var response = http.get("/posts/" + post + "/related");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var related = response.json().get("data");
        // 2 × shared tags + shared categories; ties newer first; the post itself, drafts and unrelated posts never.
        assertThat(slugs(related)).containsExactly(bothTags, oneTagGated, categoryOnly, categoryOnlyOlder);
        assertThat(related.get(1).get("locked").asBoolean()).isTrue();
        assertThat(related.get(0).get("locked").asBoolean()).isFalse();
        assertThat(slugs(http.get("/posts/" + post + "/related?limit=2").json().get("data"))).containsExactly(bothTags, oneTagGated);
        // A member may read the gated one.
        assertThat(signUp("Reader").client().get("/posts/" + post + "/related").json().get("data").get(1).get("locked").asBoolean())
                .isFalse();

        assertProblem(http.get("/posts/" + post + "/related?limit=13"), 422, "validation_failed");
        assertProblem(http.get("/posts/" + post + "/related?limit=zero"), 422, "validation_failed");
        assertProblem(http.get("/posts/" + draft + "/related"), 404, "not_found");
        assertProblem(http.get("/posts/no-such-post-anywhere/related"), 404, "not_found");
    }

    @Test
    void adjacentPostsFollowPublicationTime() {
        var editor = as(Role.EDITOR);
        long category = editor.post("/categories", "{\"name\":\"%s\"}".formatted(unique("Adjacent"))).json().get("id").asLong();
        String first = publish(editor, "\"category_ids\":[%d]".formatted(category), 30);
        String middle = publish(editor, "\"category_ids\":[%d]".formatted(category), 29);
        String last = publish(editor, "\"category_ids\":[%d]".formatted(category), 28);

        var inCategory = http.get("/posts/" + middle + "/adjacent?same_category=true").json();
        assertThat(inCategory.get("previous").get("slug").asString()).isEqualTo(first);
        assertThat(inCategory.get("next").get("slug").asString()).isEqualTo(last);
        var edge = http.get("/posts/" + first + "/adjacent?same_category=true").json();
        assertThat(edge.get("previous").isNull()).isTrue();
        assertThat(edge.get("next").get("slug").asString()).isEqualTo(middle);

        // Across the whole blog the neighbours are at or around the post's time.
        var anywhere = http.get("/posts/" + middle + "/adjacent").json();
        Instant middleAt = Instant.parse(http.get("/posts/" + middle).json().get("published_at").asString());
        assertThat(Instant.parse(anywhere.get("next").get("published_at").asString())).isAfterOrEqualTo(middleAt);
        assertThat(Instant.parse(anywhere.get("previous").get("published_at").asString())).isBeforeOrEqualTo(middleAt);

        assertProblem(http.get("/posts/" + middle + "/adjacent?same_category=perhaps"), 422, "validation_failed");
        assertProblem(http.get("/posts/no-such-post-anywhere/adjacent"), 404, "not_found");
    }

    @Test
    void authorPagesShowPublicProfilesOfPeopleWithPublishedPosts() {
        var admin = as(Role.ADMIN);
        var editor = as(Role.EDITOR);
        var writer = signUp("Jane Options");
        var granted = admin.put("/users/" + writer.id() + "/roles", "{\"roles\":[\"member\",\"author\"]}");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        String displayName = unique("Jane the Options Coach");
        assertThat(writer.client().patch("/me", """
                {"display_name":"%s","bio":"Twenty years on the CBOE floor.","website_url":"https://janeoptions.example",
                 "social_links":{"youtube":"https://www.youtube.com/@janeoptions"}}""".formatted(displayName)).status()).isEqualTo(200);

        // Not an author page until something of theirs is published.
        var quiet = signUp("Quiet Writer");
        assertProblem(http.get("/posts/authors/quiet-writer-" + quiet.id()), 404, "not_found");

        publish(editor, "\"author_ids\":[%d]".formatted(writer.id()), 3);
        publish(editor, "\"author_ids\":[%d]".formatted(writer.id()), 2);

        var listed = http.get("/posts/authors?sort=-post_count").json().get("data");
        JsonNode jane = null;
        for (var author : listed) {
            if (author.get("id").asLong() == writer.id()) {
                jane = author;
            }
        }
        assertThat(jane).as("listed author").isNotNull();
        assertThat(jane.get("post_count").asInt()).isEqualTo(2);
        assertThat(jane.get("display_name").asString()).isEqualTo(displayName);
        assertThat(jane.has("email")).isFalse();

        String slug = jane.get("slug").asString();
        var page = http.get("/posts/authors/" + slug);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("bio").asString()).isEqualTo("Twenty years on the CBOE floor.");
        assertThat(page.json().get("website_url").asString()).isEqualTo("https://janeoptions.example");
        assertThat(page.json().get("social_links").get("youtube").asString()).isEqualTo("https://www.youtube.com/@janeoptions");
        assertThat(page.json().get("url").asString()).endsWith(slug);
        assertThat(page.body()).doesNotContain(writer.email());

        // Their posts are listed under the author filter the page links to.
        assertThat(http.get("/posts?filter[author]=" + slug).json().get("meta").get("total").asInt()).isEqualTo(2);

        assertProblem(http.get("/posts/authors/" + slug.replace("-" + writer.id(), "-" + quiet.id())), 404, "not_found");
        assertProblem(http.get("/posts/authors?sort=email"), 422, "validation_failed");
    }
}
