package com.revolutiontradingpros.api.content.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.content.categories.Categories;
import com.revolutiontradingpros.api.content.tags.Tags;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.support.ApiTest;

/**
 * "Done means" 7: with 100,000 posts (and their categories, tags and authors) the statements the post lists run
 * and the tag and category recounts of every publish read through indexes, never a sequential scan of posts. The rows are inserted and analysed in one transaction that
 * is rolled back, so no other test sees them.
 */
class PostListPlansTest extends ApiTest {

    private static final int POSTS = 100_000;

    @Autowired
    PostQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Tags tags;
    @Autowired
    Categories categories;

    private final JsonMapper json = JsonMapper.builder().build();

    private record Case(String name, PostQueries.Statements statements, boolean countToo) {
    }

    @Test
    void listStatementsUseIndexesOnAHundredThousandPosts() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            seed();
            long category = jdbc.sql("SELECT id FROM categories WHERE slug = 'plans-category-7'").query(Long.class).single();
            long tag = jdbc.sql("SELECT id FROM tags WHERE slug = 'plans-tag-13'").query(Long.class).single();
            Instant now = Instant.now();
            // The lists' default sorts, as their controllers declare them.
            var newest = new PageQuery(1, 20, List.of(new PageQuery.Sort("published_at", true)), Map.of(), null);
            var updated = new PageQuery(1, 20, List.of(new PageQuery.Sort("updated_at", true)), Map.of(), null);
            var byTitle = new PageQuery(1, 20, List.of(new PageQuery.Sort("title", false)), Map.of(), null);
            var cases = List.of(
                    new Case("public list, newest first", queries.publishedStatements(newest, filter(null, null, null, null), now), false),
                    new Case("public list of a category", queries.publishedStatements(newest, filter(List.of(category), null, null, null), now), true),
                    new Case("public list of a tag", queries.publishedStatements(newest, filter(null, tag, null, null), now), true),
                    new Case("public list of an author", queries.publishedStatements(newest, filter(null, null, 424_242L, null), now), true),
                    new Case("staff list, recently updated", queries.staffStatements(updated, filter(null, null, null, null)), false),
                    new Case("staff drafts", queries.staffStatements(updated, filter(null, null, null, "draft")), false),
                    new Case("staff trash", queries.staffStatements(updated, filter(null, null, null, "trashed")), true),
                    new Case("staff list of a category by title", queries.staffStatements(byTitle, filter(List.of(category), null, null, null)), true));
            var report = new ArrayList<String>();
            for (var c : cases) {
                var page = plan(c.statements().page(), c.statements().params());
                report.add(c.name() + ": " + page);
                assertThat(page).as(c.name() + " page").noneMatch(node -> node.equals("Seq Scan on posts"))
                        .anyMatch(node -> node.contains("Index") && (node.contains("posts") || node.contains("post_")));
                if (c.countToo()) {
                    var count = plan(c.statements().count(), c.statements().params());
                    report.add(c.name() + " (count): " + count);
                    assertThat(count).as(c.name() + " count").noneMatch(node -> node.equals("Seq Scan on posts"));
                }
            }
            System.out.println(String.join("\n", report));

            // Publishing recounts the post's tags and categories: by the links, never by reading every post.
            long scansBefore = postScans();
            tags.recount(List.of(tag));
            categories.recount(List.of(category));
            assertThat(postScans()).as("sequential scans of posts while recounting").isEqualTo(scansBefore);
            assertThat(jdbc.sql("SELECT post_count FROM tags WHERE id = :id").param("id", tag).query(Integer.class).single())
                    .isEqualTo(jdbc.sql("""
                            SELECT count(*) FROM post_tag pt JOIN posts p ON p.id = pt.post_id
                            WHERE pt.tag_id = :id AND p.status = 'published' AND p.deleted_at IS NULL AND p.type = 'post'""")
                            .param("id", tag).query(Integer.class).single());
        });
    }

    /** Sequential scans of posts so far in this transaction. */
    private long postScans() {
        return jdbc.sql("SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = 'posts'").query(Long.class).single();
    }

    private static PostQueries.Filter filter(List<Long> categories, Long tag, Long author, String status) {
        return new PostQueries.Filter("post", categories, tag, author, null, null, null, null, null, null, status, null);
    }

    /**
     * 100,000 posts over ten years with about 1 KB of body each: most published, some drafts, archived and trashed;
     * 50 categories, 200 tags, 20 authors.
     */
    private void seed() {
        jdbc.sql("""
                INSERT INTO categories (name, slug, position)
                SELECT 'Plans category ' || g, 'plans-category-' || g, g FROM generate_series(1, 50) g""").update();
        jdbc.sql("""
                INSERT INTO tags (name, slug) SELECT 'Plans tag ' || g, 'plans-tag-' || g FROM generate_series(1, 200) g""").update();
        jdbc.sql("""
                INSERT INTO posts (type, title, slug, status, visibility, published_at, updated_at, created_at, created_by, updated_by,
                                   deleted_at, is_featured, word_count, view_count, body_html, auto_excerpt)
                SELECT CASE WHEN g % 20 = 0 THEN 'page' ELSE 'post' END, 'Plans post ' || g, 'plans-post-' || g,
                       CASE WHEN g % 10 = 1 THEN 'draft' WHEN g % 25 = 2 THEN 'archived' ELSE 'published' END,
                       CASE WHEN g % 4 = 0 THEN 'members' ELSE 'public' END,
                       now() - make_interval(mins => g * 50), now() - make_interval(mins => g * 40), now() - make_interval(mins => g * 50),
                       1, 1, CASE WHEN g % 50 = 3 THEN now() END, g % 100 = 0, 300 + g % 900, g % 5000,
                       '<p>' || body.text || '</p>', left(body.text, 300)
                FROM generate_series(1, :n) g
                -- About 1 KB of text that does not compress, so rows are as wide as short real posts.
                CROSS JOIN LATERAL (SELECT string_agg(md5(g::text || '-' || k), ' ') AS text FROM generate_series(1, 30) k) body""").param("n", POSTS).update();
        jdbc.sql("""
                INSERT INTO post_categories (post_id, category_id, position)
                SELECT p.id, c.id, 0 FROM posts p JOIN categories c ON c.slug = 'plans-category-' || (p.id % 50 + 1)
                WHERE p.slug LIKE 'plans-post-%'""").update();
        jdbc.sql("""
                INSERT INTO post_tag (post_id, tag_id, position)
                SELECT p.id, t.id, k FROM posts p CROSS JOIN generate_series(0, 2) k
                JOIN tags t ON t.slug = 'plans-tag-' || ((p.id * 7 + k * 31) % 200 + 1)
                WHERE p.slug LIKE 'plans-post-%'""").update();
        jdbc.sql("""
                INSERT INTO post_authors (post_id, user_id, position)
                SELECT id, 424242 + id % 20, 0 FROM posts WHERE slug LIKE 'plans-post-%'""").update();
        jdbc.sql("ANALYZE posts, post_categories, post_tag, post_authors, categories, tags").update();
    }

    /** The plan's nodes as "Node Type on relation" (or the index used), from EXPLAIN's JSON. */
    private List<String> plan(String sql, Map<String, Object> params) {
        String text = jdbc.sql("EXPLAIN (FORMAT JSON) " + sql).params(params).query(String.class).single();
        var nodes = new ArrayList<String>();
        collect(json.readTree(text).get(0).get("Plan"), nodes);
        return nodes;
    }

    private static void collect(JsonNode node, List<String> nodes) {
        String type = node.path("Node Type").asString();
        if (node.has("Index Name")) {
            nodes.add(type + " using " + node.path("Index Name").asString());
        } else if (node.has("Relation Name")) {
            nodes.add(type + " on " + node.path("Relation Name").asString());
        } else {
            nodes.add(type);
        }
        node.path("Plans").forEach(child -> collect(child, nodes));
    }
}
