package com.revolutiontradingpros.api.content;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.Http;
import com.revolutiontradingpros.api.support.Response;

/** Rows 32–34 and rule 35: CSV and JSON export, the JSON round trip and WordPress imports. */
class PostExchangeTest extends ApiTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static long id(Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.json().get("id").asLong();
    }

    /** A signed-up account given the author role, so posts can name it as their author. */
    private Member writer(String name) {
        var member = signUp(name);
        var granted = as(Role.SUPER_ADMIN).put("/users/" + member.id() + "/roles", "{\"roles\":[\"member\",\"author\"]}");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        return member;
    }

    private JsonNode importAndWait(Http admin, String query, String filename, String type, byte[] file) {
        var started = admin.sendForm("POST", "/posts/import" + query, Map.of(), "file", filename, type, file);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo("/posts/import/" + started.json().get("id").asLong());
        long job = started.json().get("id").asLong();
        JsonNode[] done = new JsonNode[1];
        Eventually.within(Duration.ofSeconds(20), () -> {
            var status = admin.get("/posts/import/" + job);
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.json().get("status").asString()).isIn("completed", "failed");
            done[0] = status.json();
        });
        return done[0];
    }

    @Test
    void exportsCsvAndJsonAndImportsTheJsonBack() {
        var editor = as(Role.EDITOR);
        var admin = as(Role.ADMIN);
        var author = writer("Ada Exporter");
        String s = suffix();
        long trading = id(editor.post("/categories", "{\"name\":\"Trading %s\"}".formatted(s)));
        long options = id(editor.post("/categories", "{\"name\":\"Options %s\",\"parent_id\":%d}".formatted(s, trading)));
        var first = editor.post("/posts", """
                {"title":"=HYPERLINK(\\"http://evil\\") %s","body_html":"<p>Iron condor basics.</p>","category_ids":[%d],
                 "tag_names":["Spreads %s"],"author_ids":[%d],"visibility":"members"}""".formatted(s, options, s, author.id()));
        long firstId = id(first);
        var published = editor.post("/posts/" + firstId + "/publish", "{\"published_at\":\"2024-03-01T10:00:00Z\"}");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        long draftId = id(editor.post("/posts", """
                {"title":"Draft idea %s","body_html":"<p>Not yet.</p>","body_json":{"blocks":[{"type":"p"}]},"category_ids":[%d]}"""
                .formatted(s, trading)));

        var csv = editor.get("/posts/export?format=csv&filter[category]=" + trading + "&sort=title");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"posts-").endsWith(".csv\"");
        var lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,title,slug,type,status,visibility,published_at,authors,categories,tags,word_count,view_count,url");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith(firstId + ",\"'=HYPERLINK(\"\"http://evil\"\")").contains(",published,members,2024-03-01T10:00:00Z,Ada Exporter,Options " + s + ",Spreads " + s + ",");
        assertThat(lines[2]).startsWith(draftId + ",Draft idea " + s + ",").contains(",draft,public,,");
        var publishedOnly = editor.get("/posts/export?filter[category]=" + trading + "&filter[status]=published");
        assertThat(publishedOnly.body().split("\r\n")).hasSize(2);

        var export = editor.get("/posts/export?format=json&filter[category]=" + trading + "&sort=title");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).endsWith(".json\"");
        var file = export.json();
        assertThat(file.get("format").asString()).isEqualTo("revolution-trading-pros/posts");
        assertThat(file.get("version").asInt()).isEqualTo(1);
        var posts = file.get("posts");
        assertThat(posts.size()).isEqualTo(2);
        var exported = posts.get(0);
        assertThat(exported.get("status").asString()).isEqualTo("published");
        assertThat(exported.get("body_html").asString()).contains("Iron condor");
        assertThat(exported.get("authors").get(0).asString()).isEqualTo(author.email());
        assertThat(exported.get("categories").get(0).get("slug").asString()).isEqualTo("options-" + s);
        assertThat(exported.get("categories").get(0).get("parent").get("slug").asString()).isEqualTo("trading-" + s);
        assertThat(exported.get("tags").get(0).get("name").asString()).isEqualTo("Spreads " + s);
        assertThat(posts.get(1).get("body_json").get("blocks").get(0).get("type").asString()).isEqualTo("p");

        // The same file again: every slug is taken, so by default nothing is created.
        byte[] bytes = export.bytes();
        var skipped = importAndWait(admin, "", "posts.json", "application/json", bytes);
        assertThat(skipped.get("status").asString()).as(skipped.toString()).isEqualTo("completed");
        assertThat(skipped.get("created").asInt()).isZero();
        assertThat(skipped.get("skipped").asInt()).isEqualTo(2);
        assertThat(skipped.get("started_at").isNull()).isFalse();
        assertThat(skipped.get("finished_at").isNull()).isFalse();

        // Renamed and with their statuses: the round trip gives the same posts under new slugs.
        var renamed = importAndWait(admin, "?status=keep&on_conflict=rename", "posts.json", "application/json", bytes);
        assertThat(renamed.get("created").asInt()).as(renamed.toString()).isEqualTo(2);
        assertThat(renamed.get("failed").asInt()).isZero();
        var copies = editor.get("/admin/posts?filter[category]=" + options + "&sort=created_at").json().get("data");
        assertThat(copies.size()).isEqualTo(2);
        var copy = editor.get("/admin/posts/" + copies.get(1).get("id").asLong()).json();
        assertThat(copy.get("slug").asString()).isEqualTo(first.json().get("slug").asString() + "-2");
        assertThat(copy.get("status").asString()).isEqualTo("published");
        assertThat(copy.get("visibility").asString()).isEqualTo("members");
        assertThat(Instant.parse(copy.get("published_at").asString())).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(copy.get("category_ids").get(0).asLong()).isEqualTo(options);
        assertThat(copy.get("authors").get(0).get("id").asLong()).isEqualTo(author.id());
        var revisions = editor.get("/posts/" + copy.get("id").asLong() + "/revisions").json().get("data");
        assertThat(revisions.valueStream().map(r -> r.get("kind").asString())).contains("import", "publish");
        var draftCopy = editor.get("/admin/posts?filter[category]=" + trading + "&filter[status]=draft").json().get("data");
        assertThat(draftCopy.size()).isEqualTo(2);
    }

    @Test
    void importsAWordPressExportItemByItem() {
        var admin = as(Role.ADMIN);
        var author = writer("Wendy Press");
        String s = suffix();
        String wxr = """
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                  <title>Old blog</title>
                  <wp:wxr_version>1.2</wp:wxr_version>
                  <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[wendy]]></wp:author_login>
                    <wp:author_email><![CDATA[%2$s]]></wp:author_email></wp:author>
                  <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[markets-%1$s]]></wp:category_nicename>
                    <wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Markets %1$s]]></wp:cat_name></wp:category>
                  <wp:category><wp:term_id>4</wp:term_id><wp:category_nicename><![CDATA[futures-%1$s]]></wp:category_nicename>
                    <wp:category_parent><![CDATA[markets-%1$s]]></wp:category_parent><wp:cat_name><![CDATA[Futures %1$s]]></wp:cat_name></wp:category>
                  <wp:tag><wp:term_id>5</wp:term_id><wp:tag_slug><![CDATA[es-%1$s]]></wp:tag_slug><wp:tag_name><![CDATA[ES %1$s]]></wp:tag_name></wp:tag>
                  <item>
                    <title>Trading the Open %1$s</title>
                    <dc:creator><![CDATA[wendy]]></dc:creator>
                    <content:encoded><![CDATA[The first hour matters.

                Watch the <strong>gap</strong>.
                <img src="https://old.example.com/wp-content/uploads/chart.png" alt="chart">]]></content:encoded>
                    <excerpt:encoded><![CDATA[Opening drive]]></excerpt:encoded>
                    <wp:post_id>10</wp:post_id>
                    <wp:post_date_gmt><![CDATA[2023-05-04 13:30:00]]></wp:post_date_gmt>
                    <wp:post_name><![CDATA[trading-the-open-%1$s]]></wp:post_name>
                    <wp:status><![CDATA[publish]]></wp:status>
                    <wp:post_type><![CDATA[post]]></wp:post_type>
                    <wp:is_sticky>1</wp:is_sticky>
                    <category domain="category" nicename="futures-%1$s"><![CDATA[Futures %1$s]]></category>
                    <category domain="post_tag" nicename="es-%1$s"><![CDATA[ES %1$s]]></category>
                    <wp:postmeta><wp:meta_key><![CDATA[_edit_last]]></wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>
                    <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content><![CDATA[Nice]]></wp:comment_content></wp:comment>
                  </item>
                  <item>
                    <title>About %1$s</title>
                    <dc:creator><![CDATA[someone-else]]></dc:creator>
                    <content:encoded><![CDATA[<p>Who we are.</p>]]></content:encoded>
                    <wp:post_name><![CDATA[about-%1$s]]></wp:post_name>
                    <wp:status><![CDATA[draft]]></wp:status>
                    <wp:post_type><![CDATA[page]]></wp:post_type>
                  </item>
                  <item>
                    <title>chart</title>
                    <wp:post_name><![CDATA[chart]]></wp:post_name>
                    <wp:status><![CDATA[inherit]]></wp:status>
                    <wp:post_type><![CDATA[attachment]]></wp:post_type>
                  </item>
                  <item>
                    <title></title>
                    <content:encoded><![CDATA[No title here]]></content:encoded>
                    <wp:post_name><![CDATA[untitled-%1$s]]></wp:post_name>
                    <wp:status><![CDATA[publish]]></wp:status>
                    <wp:post_type><![CDATA[post]]></wp:post_type>
                  </item>
                  <item>
                    <title>Deleted %1$s</title>
                    <wp:status><![CDATA[trash]]></wp:status>
                    <wp:post_type><![CDATA[post]]></wp:post_type>
                  </item>
                </channel>
                </rss>
                """.formatted(s, author.email());
        var job = importAndWait(admin, "?status=keep", "blog.xml", "application/xml", wxr.getBytes(StandardCharsets.UTF_8));
        assertThat(job.get("format").asString()).isEqualTo("wxr");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.get("created").asInt()).isEqualTo(2);
        assertThat(job.get("skipped").asInt()).isEqualTo(2);
        assertThat(job.get("failed").asInt()).isEqualTo(1);
        assertThat(job.get("errors").get(0).get("item").asString()).isEqualTo("#4 untitled-" + s);
        assertThat(job.get("errors").get(0).get("message").asString()).contains("title");

        var post = http.get("/posts/trading-the-open-" + s);
        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        assertThat(post.json().get("body_html").asString()).contains("<p>The first hour matters.</p>")
                .contains("https://old.example.com/wp-content/uploads/chart.png");
        assertThat(post.json().get("excerpt").asString()).isEqualTo("Opening drive");
        assertThat(Instant.parse(post.json().get("published_at").asString())).isEqualTo(Instant.parse("2023-05-04T13:30:00Z"));
        assertThat(post.json().get("authors").get(0).get("id").asLong()).isEqualTo(author.id());
        assertThat(post.json().get("categories").get(0).get("slug").asString()).isEqualTo("futures-" + s);
        assertThat(post.json().get("tags").get(0).get("name").asString()).isEqualTo("ES " + s);
        var futures = http.get("/categories/futures-" + s).json();
        var markets = http.get("/categories/markets-" + s).json();
        assertThat(futures.get("parent_id").asLong()).isEqualTo(markets.get("id").asLong());

        var page = as(Role.EDITOR).get("/admin/posts?filter[type]=page&q=about-" + s).json().get("data");
        assertThat(page.size()).isEqualTo(1);
        assertThat(page.get(0).get("status").asString()).isEqualTo("draft");
    }

    @Test
    void badFilesFailTheJobAndBadItemsAreListed() {
        var admin = as(Role.ADMIN);
        String s = suffix();
        // An entity that would read a local file: DTDs are refused, so the job fails and nothing is read.
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&secret;</title>
                <wp:post_type>post</wp:post_type><wp:status>draft</wp:status><wp:post_name>xxe-%s</wp:post_name></item></channel></rss>
                """.formatted(s);
        var refused = importAndWait(admin, "", "evil.xml", "application/xml", xxe.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.get("status").asString()).isEqualTo("failed");
        assertThat(refused.get("created").asInt()).isZero();
        assertThat(refused.get("message").asString()).isNotBlank();
        assertThat(refused.toString()).doesNotContain("root:");

        var notOurs = importAndWait(admin, "", "other.json", "application/json", "{\"format\":\"ghost\",\"posts\":[]}".getBytes(StandardCharsets.UTF_8));
        assertThat(notOurs.get("status").asString()).isEqualTo("failed");
        assertThat(notOurs.get("message").asString()).contains("revolution-trading-pros/posts");

        String mixed = """
                {"format":"revolution-trading-pros/posts","version":1,"posts":[
                  {"title":"Good one %1$s","slug":"good-one-%1$s","body_html":"<p>ok</p>","future_field":true},
                  {"title":"Bad list %1$s","categories":"not-a-list"},
                  17,
                  {"title":"Paid %1$s","slug":"paid-%1$s","visibility":"paid","product_ids":[999999999],"body_html":"<p>x</p>"},
                  {"title":"Weird status %1$s","status":"pending"},
                  {"title":"Reserved","slug":"export","body_html":"<p>x</p>"}
                ]}""".formatted(s);
        var job = importAndWait(admin, "", "mixed.json", "application/json", mixed.getBytes(StandardCharsets.UTF_8));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.get("created").asInt()).as(job.toString()).isEqualTo(1);
        assertThat(job.get("failed").asInt()).isEqualTo(5);
        assertThat(job.get("errors").valueStream().map(e -> e.get("item").asString()).toList())
                .isEqualTo(List.of("#2 Bad list " + s, "#3", "#4 paid-" + s, "#5 Weird status " + s, "#6 export"));
        assertThat(job.get("errors").get(0).get("message").asString()).isEqualTo("categories has the wrong type");
        assertThat(job.get("errors").get(2).get("message").asString()).contains("product");
        assertThat(job.get("errors").get(4).get("message").asString()).contains("slug");
        assertThat(as(Role.EDITOR).get("/admin/posts?q=good-one-" + s).json().get("data").get(0).get("status").asString()).isEqualTo("draft");
    }

    @Test
    void exportAndImportCheckRolesAndInput() {
        var editor = as(Role.EDITOR);
        var admin = as(Role.ADMIN);
        assertProblem(http.get("/posts/export"), 401, "unauthenticated");
        assertProblem(as(Role.AUTHOR).get("/posts/export"), 403, "forbidden");
        assertProblem(editor.get("/posts/export?format=xml"), 422, "validation_failed");
        assertProblem(editor.get("/posts/export?filter[status]=lost"), 422, "validation_failed");

        byte[] file = "{\"format\":\"revolution-trading-pros/posts\",\"posts\":[]}".getBytes(StandardCharsets.UTF_8);
        assertProblem(http.sendForm("POST", "/posts/import", Map.of(), "file", "a.json", "application/json", file), 401, "unauthenticated");
        assertProblem(editor.sendForm("POST", "/posts/import", Map.of(), "file", "a.json", "application/json", file), 403, "forbidden");
        assertProblem(admin.sendForm("POST", "/posts/import?status=publish&on_conflict=merge", Map.of(), "file", "a.json",
                "application/json", file), 422, "validation_failed");
        assertProblem(admin.sendForm("POST", "/posts/import", Map.of(), "file", "a.json", "application/json", new byte[0]), 422,
                "validation_failed");
        assertProblem(admin.sendForm("POST", "/posts/import", Map.of(), "file", "a.pdf", "application/pdf",
                "%PDF-1.7".getBytes(StandardCharsets.UTF_8)), 422, "unsupported_import_format");
        assertProblem(admin.get("/posts/import/999999999"), 404, "not_found");
        assertProblem(editor.get("/posts/import/1"), 403, "forbidden");
        var empty = importAndWait(admin, "", "a.json", "application/json", file);
        assertThat(empty.get("status").asString()).isEqualTo("completed");
        assertThat(json.writeValueAsString(empty)).contains("\"options\":{\"status\":\"draft\",\"on_conflict\":\"skip\"}");
    }
}
