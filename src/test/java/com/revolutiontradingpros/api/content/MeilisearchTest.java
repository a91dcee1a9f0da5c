package com.revolutiontradingpros.api.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.FakeMeilisearch;
import com.revolutiontradingpros.api.support.Http;
import com.revolutiontradingpros.api.support.TestServices;

/**
 * "Done means" 6: the Meilisearch engine fed from the search queue, against a local server speaking Meilisearch's
 * REST format; the application runs on its own database so its queue is its own.
 */
class MeilisearchTest extends ApiTest {

    private static final String INDEX = "site";
    private static final FakeMeilisearch MEILI = FakeMeilisearch.start("master-key-for-tests");

    @DynamicPropertySource
    static void meilisearch(DynamicPropertyRegistry registry) {
        registry.add("app.database.url", () -> TestServices.createDatabase("rtp_t_" + TestServices.RUN_ID + "_meili"));
        registry.add("app.search.meilisearch.url", MEILI::url);
        registry.add("app.search.meilisearch.api-key", () -> "master-key-for-tests");
        registry.add("app.search.meilisearch.index", () -> INDEX);
    }

    @AfterAll
    static void stop() {
        MEILI.close();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private long publish(Http editor, String json) {
        var created = editor.post("/posts", json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(editor.post("/posts/" + id + "/publish", "{}").status()).isEqualTo(200);
        return id;
    }

    @Test
    void documentsSettingsSearchOutageAndRebuild() {
        var editor = as(Role.EDITOR);
        var admin = as(Role.ADMIN);
        String s = suffix();

        // A node starting against an empty Meilisearch creates the index and gives it its settings.
        Eventually.within(Duration.ofSeconds(10), () -> {
            assertThat(MEILI.indexes()).contains(INDEX);
            assertThat(MEILI.settings(INDEX).get("filterableAttributes")).isEqualTo(List.of("type"));
        });

        long open = publish(editor, """
                {"title":"Iron Condor Adjustments %s","body_html":"<p>Roll the untested side when the short strike is touched.</p>"}"""
                .formatted(s));
        String secret = "SECRET-" + s;
        long gated = publish(editor, """
                {"title":"Members Condor Playbook %s","visibility":"members",
                 "body_html":"<p>Public intro.</p><!--members-only--><p>%s details.</p>"}""".formatted(s, secret));
        Eventually.within(Duration.ofSeconds(5), () -> {
            var documents = MEILI.documents(INDEX);
            assertThat(documents).containsKeys("post-" + open, "post-" + gated);
            assertThat(documents.get("post-" + open).get("title")).isEqualTo("Iron Condor Adjustments " + s);
            assertThat(documents.get("post-" + gated).get("locked")).isEqualTo(true);
        });
        assertThat(MEILI.documents(INDEX).toString()).doesNotContain(secret);

        var found = http.get("/search?q=condor%20" + s);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().get("meta").get("backend").asString()).isEqualTo("meilisearch");
        assertThat(found.json().get("meta").get("total").asLong()).isEqualTo(2);
        assertThat(found.json().get("meta").get("facets").get("post").asLong()).isEqualTo(2);
        var hits = found.json().get("data");
        assertThat(hits.valueStream().map(h -> h.get("id").asLong())).containsExactlyInAnyOrder(open, gated);
        var gatedHit = hits.valueStream().filter(h -> h.get("id").asLong() == gated).findFirst().orElseThrow();
        assertThat(gatedHit.get("locked").asBoolean()).isTrue();
        var typo = http.get("/search?q=untsted%20" + s).json().get("data").get(0);
        assertThat(typo.get("id").asLong()).as("one typo still matches").isEqualTo(open);
        assertThat(typo.get("snippet").asString()).contains("<mark>untested</mark>");

        // Settings reach Meilisearch's index settings; synonyms then work there.
        var saved = admin.put("/search/settings", "{\"synonyms\":[[\"rolling\",\"untested\"]],\"stop_words\":[\"the\"],\"boosts\":{\"page\":2}}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        Eventually.within(Duration.ofSeconds(5), () -> {
            assertThat(MEILI.settings(INDEX).get("synonyms")).isEqualTo(Map.of("rolling", List.of("untested"), "untested", List.of("rolling")));
            assertThat(MEILI.settings(INDEX).get("stopWords")).isEqualTo(List.of("the"));
        });
        assertThat(http.get("/search?q=rolling%20" + s).json().get("data").get(0).get("id").asLong()).isEqualTo(open);

        // Unpublished: removed from the index.
        assertThat(editor.post("/posts/" + gated + "/unpublish", "{}").status()).isEqualTo(200);
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(MEILI.documents(INDEX)).doesNotContainKey("post-" + gated));

        // An outage: searches fall back to PostgreSQL, changes wait in the queue and arrive once it is back.
        MEILI.down(true);
        long during = publish(editor, "{\"title\":\"Outage Butterfly %s\",\"body_html\":\"<p>Wings.</p>\"}".formatted(s));
        Eventually.within(Duration.ofSeconds(10), () -> {
            var status = admin.get("/search/status").json();
            assertThat(status.get("backend").asString()).isEqualTo("meilisearch");
            assertThat(status.get("pending_tasks").asLong()).isPositive();
            assertThat(status.get("last_error").asString()).contains("503");
        });
        var fallback = http.get("/search?q=butterfly%20" + s);
        assertThat(fallback.status()).isEqualTo(200);
        assertThat(fallback.json().get("meta").get("backend").asString()).isEqualTo("postgres");
        assertThat(fallback.json().get("data").get(0).get("id").asLong()).isEqualTo(during);
        MEILI.down(false);
        Eventually.within(Duration.ofSeconds(15), () -> {
            assertThat(MEILI.documents(INDEX)).containsKey("post-" + during);
            var status = admin.get("/search/status").json();
            assertThat(status.get("pending_tasks").asLong()).isZero();
            assertThat(status.get("lag_seconds").asLong()).isZero();
            assertThat(status.get("last_error").isNull()).isTrue();
            var counts = status.get("documents").valueStream().filter(c -> c.get("type").asString().equals("post")).findFirst().orElseThrow();
            assertThat(counts.get("documents").asLong()).isEqualTo(MEILI.documents(INDEX).values().stream()
                    .filter(d -> "post".equals(d.get("type"))).count());
        });

        // A rebuild fills a fresh index and swaps it in; a document Meilisearch lost comes back.
        int before = MEILI.requests().size();
        var reindex = admin.post("/search/reindex", "{}");
        assertThat(reindex.status()).isEqualTo(202);
        Eventually.within(Duration.ofSeconds(15), () -> {
            var requests = MEILI.requests().subList(before, MEILI.requests().size());
            assertThat(requests).contains("POST /indexes", "PATCH /indexes/site_rebuild/settings", "POST /indexes/site_rebuild/documents",
                    "POST /swap-indexes", "DELETE /indexes/site_rebuild");
            assertThat(MEILI.indexes()).doesNotContain("site_rebuild");
        });
        assertThat(MEILI.documents(INDEX)).containsKeys("post-" + open, "post-" + during).doesNotContainKey("post-" + gated);
        assertThat(MEILI.settings(INDEX).get("rankingRules").toString()).contains("boost:desc");
    }
}
