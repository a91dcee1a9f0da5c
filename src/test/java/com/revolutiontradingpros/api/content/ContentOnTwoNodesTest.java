package com.revolutiontradingpros.api.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.Http;
import com.revolutiontradingpros.api.support.SecondNode;

/** Two application nodes on one database and Redis: scheduled posts go live exactly once, and public caches follow changes. */
class ContentOnTwoNodesTest extends ApiTest {

    @Test
    void scheduledPostsGoLiveOnceAndEditsReachTheOtherNodesCache() {
        try (var other = SecondNode.start()) {
            var there = new Http("http://127.0.0.1:" + other.getEnvironment().getProperty("local.server.port"));
            var editor = as(Role.EDITOR);

            // Rule 9: a change on one node empties the other's public cache within a second.
            var post = editor.post("/posts", "{\"title\":\"%s\",\"body_html\":\"<p>First version of the setup.</p>\"}"
                    .formatted("Cached " + UUID.randomUUID()));
            long id = post.json().get("id").asLong();
            String slug = post.json().get("slug").asString();
            assertThat(editor.post("/posts/" + id + "/publish", "{}").status()).isEqualTo(200);
            assertThat(there.get("/posts/" + slug).json().get("body_html").asString()).contains("First version");
            assertThat(there.get("/posts/" + slug).json().get("body_html").asString()).contains("First version");
            assertThat(editor.patch("/posts/" + id, "{\"body_html\":\"<p>Second version of the setup.</p>\"}").status()).isEqualTo(200);
            Eventually.within(Duration.ofSeconds(1), () ->
                    assertThat(there.get("/posts/" + slug).json().get("body_html").asString()).contains("Second version"));

            // Rule 10: both nodes poll the same jobs; each scheduled post is published once, at its time.
            Instant at = Instant.now().plusSeconds(3);
            var ids = new ArrayList<Long>();
            for (int i = 0; i < 6; i++) {
                long draft = editor.post("/posts", "{\"title\":\"%s\",\"body_html\":\"<p>Scheduled words here.</p>\"}"
                        .formatted("Twice " + UUID.randomUUID())).json().get("id").asLong();
                var scheduled = editor.post("/posts/" + draft + "/schedule", "{\"publish_at\":\"%s\"}".formatted(at));
                assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
                ids.add(draft);
            }
            Eventually.within(Duration.ofSeconds(20), () -> assertThat(ids).allSatisfy(draft ->
                    assertThat(editor.get("/admin/posts/" + draft).json().get("status").asString()).isEqualTo("published")));
            for (long draft : ids) {
                var revisions = editor.get("/posts/" + draft + "/revisions").json().get("data");
                assertThat(revisions.valueStream().filter(r -> r.get("kind").asString().equals("publish")).count()).isEqualTo(1);
                var published = Instant.parse(editor.get("/admin/posts/" + draft).json().get("published_at").asString());
                assertThat(Duration.between(at, published).abs()).isLessThan(Duration.ofSeconds(1));
            }
        }
    }
}
