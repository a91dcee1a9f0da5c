package com.revolutiontradingpros.api.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.TestServices;
import tools.jackson.databind.JsonNode;

/**
 * "Done means" 9: the application started with SEED_DEMO=true on an empty database of its own fills the blog, the
 * media library and the video library, and running the seeding command again adds nothing.
 */
class DemoContentTest extends ApiTest {

    private static final int POSTS = 40;

    @DynamicPropertySource
    static void seeded(DynamicPropertyRegistry registry) {
        registry.add("app.database.url", () -> TestServices.createDatabase("rtp_t_" + TestServices.RUN_ID + "_demo"));
        registry.add("SEED_DEMO", () -> "true");
        registry.add("SEED_DEMO_USERS", () -> "60");
        registry.add("SEED_DEMO_POSTS", () -> String.valueOf(POSTS));
    }

    @Autowired
    List<ApplicationRunner> runners;

    @Test
    void seedsCategoriesTagsPostsMediaAndVideosOnce() throws Exception {
        var admin = as(Role.ADMIN);
        var staff = admin.get("/admin/posts?per_page=100").json();
        assertThat(staff.get("meta").get("total").asInt()).isEqualTo(POSTS);
        var statuses = new ArrayList<String>();
        staff.get("data").forEach(post -> statuses.add(post.get("status").asString()));
        assertThat(statuses).contains("published", "draft");
        assertThat(statuses.stream().filter("published"::equals).count()).isGreaterThan(POSTS / 2);
        staff.get("data").forEach(post -> assertThat(post.get("authors")).isNotEmpty());

        // Members-only posts show their teaser and are locked to visitors; every published post is listed publicly.
        var published = http.get("/posts?per_page=100").json();
        assertThat(published.get("meta").get("total").asLong()).isEqualTo(statuses.stream().filter("published"::equals).count());
        var locked = new ArrayList<JsonNode>();
        published.get("data").forEach(post -> {
            assertThat(post.get("categories")).isNotEmpty();
            assertThat(post.get("tags")).isNotEmpty();
            if (post.get("locked").asBoolean()) {
                locked.add(post);
            }
        });
        assertThat(locked).isNotEmpty().allSatisfy(post -> assertThat(post.get("visibility").asString()).isEqualTo("members"));
        var first = http.get("/posts/welcome-to-revolution-trading-pros").json();
        assertThat(first.get("featured_image").get("url").asString()).isNotBlank();

        var tree = http.get("/categories?tree=true").json().get("data");
        var trading = find(tree, "trading");
        assertThat(find(trading.get("children"), "options").get("children").get(0).get("slug").asString()).isEqualTo("spreads");
        assertThat(http.get("/tags?per_page=100").json().get("meta").get("total").asInt()).isGreaterThanOrEqualTo(20);

        // Chart images in the library, their variants made by the background job.
        var media = admin.get("/media?per_page=100").json();
        assertThat(media.get("meta").get("total").asInt()).isGreaterThanOrEqualTo(12);
        long imageId = media.get("data").get(0).get("id").asLong();
        Eventually.within(Duration.ofSeconds(30), () ->
                assertThat(admin.get("/media/" + imageId).json().get("variants")).isNotEmpty());

        var videos = http.get("/videos?per_page=100").json();
        assertThat(videos.get("meta").get("total").asInt()).isEqualTo(8);
        var kinds = new ArrayList<String>();
        videos.get("data").forEach(video -> kinds.add(video.get("kind").asString()));
        assertThat(kinds).contains("lesson", "webinar", "promo");

        // The seeding command run again adds nothing.
        var args = new DefaultApplicationArguments("--seed-demo");
        for (var runner : runners) {
            runner.run(args);
        }
        assertThat(admin.get("/admin/posts?per_page=1").json().get("meta").get("total").asInt()).isEqualTo(POSTS);
        assertThat(http.get("/videos?per_page=1").json().get("meta").get("total").asInt()).isEqualTo(8);
        assertThat(admin.get("/media?per_page=1").json().get("meta").get("total").asInt())
                .isEqualTo(media.get("meta").get("total").asInt());
    }

    private static JsonNode find(JsonNode categories, String slug) {
        for (var category : categories) {
            if (category.get("slug").asString().equals(slug)) {
                return category;
            }
        }
        throw new AssertionError("no category " + slug + " in " + categories);
    }
}
