package com.revolutiontradingpros.api.content;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;

/** Type-ahead, synonyms, status, rebuild and the query log (rows 99–104). */
class SearchAdminTest extends ApiTest {

    @Test
    void suggestSynonymsStatusReindexAndQueries() {
        var editor = as(Role.EDITOR);
        var admin = as(Role.ADMIN);
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        // Answers are cached: this empty one must not outlive the post that makes it wrong.
        assertThat(http.get("/search?q=" + word).json().get("meta").get("total").asLong()).isZero();
        var post = editor.post("/posts", "{\"title\":\"Thinkorswim platform tour %s\",\"body_html\":\"<p>Charts and scanners %s.</p>\"}"
                .formatted(word, word));
        long id = post.json().get("id").asLong();
        editor.post("/posts/" + id + "/publish", "{}");
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(http.get("/search?q=" + word).json().get("meta").get("total").asLong()).isEqualTo(1));

        var suggest = http.get("/search/suggest?q=Thinkorswim%20platform%20tour%20" + word.substring(0, 6));
        assertThat(suggest.status()).isEqualTo(200);
        assertThat(suggest.body()).contains(word);
        assertThat(http.get("/search/suggest?q=thinkorswm%20platfrm%20tour%20" + word).body()).contains(word);
        assertProblem(http.get("/search/suggest?q=a"), 422, "validation_failed");

        assertThat(http.get("/search?q=tos&per_page=50").body()).doesNotContain(word);
        try {
            assertProblem(http.put("/search/settings", "{\"synonyms\":[],\"stop_words\":[],\"boosts\":{}}"), 401, "unauthenticated");
            assertProblem(editor.put("/search/settings", "{\"synonyms\":[],\"stop_words\":[],\"boosts\":{}}"), 403, "forbidden");
            var bad = admin.put("/search/settings", "{\"synonyms\":[[\"alone\"]],\"stop_words\":[\"two words\"],\"boosts\":{\"post\":50,\"blog\":1}}");
            assertProblem(bad, 422, "validation_failed");
            assertThat(bad.json().get("errors").propertyNames()).contains("synonyms[0]", "stop_words", "boosts.post", "boosts.blog");
            var saved = admin.put("/search/settings", "{\"synonyms\":[[\"TOS\",\"thinkorswim\"]],\"stop_words\":[\"the\"],\"boosts\":{\"page\":2}}");
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.json().get("synonyms").get(0).get(0).asString()).isEqualTo("tos");
            assertThat(admin.get("/search/settings").json().get("boosts").get("page").asDouble()).isEqualTo(2.0);
            var tos = http.get("/search?q=tos&per_page=50");
            assertThat(tos.body()).as(tos.body()).contains(word);
            var found = http.get("/search?q=the%20tos%20" + word);
            assertThat(found.json().get("meta").get("total").asLong()).isEqualTo(1);
            assertThat(found.json().get("data").get(0).get("id").asLong()).isEqualTo(id);
        } finally {
            admin.put("/search/settings", "{\"synonyms\":[],\"stop_words\":[],\"boosts\":{}}");
        }

        var status = admin.get("/search/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("backend").asString()).isEqualTo("postgres");
        assertThat(status.json().get("documents").toString()).contains("\"type\":\"post\"");
        assertThat(status.json().get("pending_tasks").asLong()).isGreaterThanOrEqualTo(0);
        assertProblem(editor.get("/search/status"), 403, "forbidden");

        assertThat(admin.post("/search/reindex?filter[type]=post,page", "{}").status()).isEqualTo(202);
        assertProblem(admin.post("/search/reindex?filter[type]=blog", "{}"), 422, "validation_failed");
        assertProblem(editor.post("/search/reindex", "{}"), 403, "forbidden");
        Eventually.within(Duration.ofSeconds(15), () -> {
            var after = admin.get("/search/status").json().get("last_indexed_at").asString();
            assertThat(after).isNotBlank();
            assertThat(http.get("/search?q=" + word).json().get("meta").get("total").asLong()).isEqualTo(1);
        });

        String nothing = "nothing" + word;
        http.get("/search?q=" + nothing);
        http.get("/search?q=" + nothing);
        // Counted in memory and written every few seconds, as one row per query and day.
        Eventually.within(Duration.ofSeconds(10), () -> {
            var queries = editor.get("/search/queries?filter[zero_results]=true&per_page=100&sort=-zero_result_searches");
            assertThat(queries.status()).isEqualTo(200);
            var row = java.util.stream.StreamSupport.stream(queries.json().get("data").spliterator(), false)
                    .filter(r -> r.get("query").asString().equals(nothing)).findFirst().orElseThrow();
            assertThat(row.get("searches").asLong()).isEqualTo(2);
            assertThat(row.get("zero_result_searches").asLong()).isEqualTo(2);
        });
        assertProblem(editor.get("/search/queries?from=2026-12-01&to=2026-11-01"), 422, "validation_failed");
        assertProblem(as(Role.AUTHOR).get("/search/queries"), 403, "forbidden");
    }
}
