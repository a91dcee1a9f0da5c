package com.revolutiontradingpros.api.content.posts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.revolutiontradingpros.api.platform.database.Rows;

@Repository
class PostRepository {

    static final String COLUMNS = """
            p.id, p.type, p.title, p.slug, p.excerpt, p.auto_excerpt, p.body_html, p.body_json::text AS body_json, p.body_text,
            p.public_text, p.teaser_html, p.visibility, p.status, p.publish_at, p.published_at, p.ever_published, p.featured_media_id,
            p.is_featured, p.word_count, p.reading_time_minutes, p.view_count, p.created_by, p.updated_by, p.created_at, p.updated_at,
            p.deleted_at, p.version""";
    /** List rows leave the bodies out. */
    static final String SUMMARY_COLUMNS = """
            p.id, p.type, p.title, p.slug, p.excerpt, p.auto_excerpt, '' AS body_html, NULL AS body_json, '' AS body_text,
            '' AS public_text, NULL AS teaser_html, p.visibility, p.status, p.publish_at, p.published_at, p.ever_published,
            p.featured_media_id, p.is_featured, p.word_count, p.reading_time_minutes, p.view_count, p.created_by, p.updated_by,
            p.created_at, p.updated_at, p.deleted_at, p.version""";

    private final JdbcClient jdbc;

    PostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Post> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM posts p WHERE p.id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /** The post locked for the rest of the transaction, so two nodes cannot act on it at once. */
    Optional<Post> findForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM posts p WHERE p.id = :id FOR UPDATE").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /** Full rows of the posts, in the order of the ids. */
    List<Post> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var byId = new HashMap<Long, Post>();
        jdbc.sql("SELECT " + COLUMNS + " FROM posts p WHERE p.id IN (:ids)").param("ids", ids)
                .query((RowCallbackHandler) rs -> byId.put(rs.getLong("id"), row(rs)));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    Optional<Post> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM posts p WHERE p.slug = :slug").param("slug", slug).query((rs, n) -> row(rs)).optional();
    }

    /** Trashed posts keep their slugs, so they count. */
    boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM posts WHERE slug = :slug AND id <> :id)").param("slug", slug).param("id", exceptId)
                .query(Boolean.class).single();
    }

    /** Fresh planner statistics after a bulk load, which outruns autovacuum and leaves the planner expecting empty tables. */
    void analyze() {
        jdbc.sql("ANALYZE posts, post_tag, post_categories, post_authors").update();
    }

    long insert(Post post) {
        return jdbc.sql("""
                INSERT INTO posts (type, title, slug, excerpt, auto_excerpt, body_html, body_json, body_text, public_text, teaser_html,
                                   visibility, status, featured_media_id, is_featured, word_count, reading_time_minutes, created_by, updated_by)
                VALUES (:type, :title, :slug, :excerpt, :autoExcerpt, :bodyHtml, CAST(:bodyJson AS jsonb), :bodyText, :publicText, :teaser,
                        :visibility, 'draft', :media, :featured, :words, :minutes, :by, :by)
                RETURNING id""")
                .params(params(post)).query(Long.class).single();
    }

    /** Writes every column of the post; false when someone else saved it since it was read (its version moved). */
    boolean update(Post post, long by) {
        var params = params(post);
        params.put("id", post.id());
        params.put("version", post.version());
        params.put("by", by);
        params.put("status", post.status());
        params.put("publishAt", timestamp(post.publishAt()));
        params.put("publishedAt", timestamp(post.publishedAt()));
        params.put("deletedAt", timestamp(post.deletedAt()));
        return jdbc.sql("""
                UPDATE posts SET type = :type, title = :title, slug = :slug, excerpt = :excerpt, auto_excerpt = :autoExcerpt,
                       body_html = :bodyHtml, body_json = CAST(:bodyJson AS jsonb), body_text = :bodyText, public_text = :publicText,
                       teaser_html = :teaser, visibility = :visibility, status = :status, publish_at = :publishAt,
                       published_at = :publishedAt, ever_published = ever_published OR :status = 'published',
                       featured_media_id = :media, is_featured = :featured, word_count = :words, reading_time_minutes = :minutes,
                       deleted_at = :deletedAt, updated_by = :by, updated_at = now(), version = version + 1
                WHERE id = :id AND version = :version""")
                .params(params).update() == 1;
    }

    private static Map<String, @Nullable Object> params(Post post) {
        var params = new HashMap<String, @Nullable Object>();
        params.put("type", post.type());
        params.put("title", post.title());
        params.put("slug", post.slug());
        params.put("excerpt", post.excerpt());
        params.put("autoExcerpt", post.autoExcerpt());
        params.put("bodyHtml", post.bodyHtml());
        params.put("bodyJson", post.bodyJson());
        params.put("bodyText", post.bodyText());
        params.put("publicText", post.publicText());
        params.put("teaser", post.teaserHtml());
        params.put("visibility", post.visibility());
        params.put("media", post.featuredMediaId());
        params.put("featured", post.featured());
        params.put("words", post.wordCount());
        params.put("minutes", post.readingTimeMinutes());
        params.put("by", post.updatedBy());
        return params;
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM posts WHERE id = :id").param("id", id).update();
    }

    /** Trashed more than the given time ago: due for the purge. */
    List<Long> trashedBefore(Instant before) {
        return jdbc.sql("SELECT id FROM posts WHERE deleted_at < :before ORDER BY id LIMIT 1000").param("before", Timestamp.from(before))
                .query(Long.class).list();
    }

    // Links

    Links links(long postId) {
        return links(List.of(postId)).getOrDefault(postId, Links.NONE);
    }

    /** The links of many posts in four queries, whatever their number. */
    Map<Long, Links> links(Collection<Long> postIds) {
        var result = new HashMap<Long, Links>();
        if (postIds.isEmpty()) {
            return result;
        }
        var authors = ids("SELECT post_id, user_id FROM post_authors WHERE post_id IN (:ids) ORDER BY post_id, position", postIds);
        var categories = ids("SELECT post_id, category_id FROM post_categories WHERE post_id IN (:ids) ORDER BY post_id, position", postIds);
        var tags = ids("SELECT post_id, tag_id FROM post_tag WHERE post_id IN (:ids) ORDER BY post_id, position", postIds);
        var products = ids("SELECT post_id, product_id FROM post_products WHERE post_id IN (:ids) ORDER BY post_id, product_id", postIds);
        for (long id : postIds) {
            result.put(id, new Links(authors.getOrDefault(id, List.of()), categories.getOrDefault(id, List.of()),
                    tags.getOrDefault(id, List.of()), products.getOrDefault(id, List.of())));
        }
        return result;
    }

    private Map<Long, List<Long>> ids(String sql, Collection<Long> postIds) {
        var map = new HashMap<Long, List<Long>>();
        jdbc.sql(sql).param("ids", postIds).query((RowCallbackHandler) rs ->
                map.computeIfAbsent(rs.getLong(1), key -> new ArrayList<>()).add(rs.getLong(2)));
        return map;
    }

    void setLinks(long postId, Links links) {
        replace("post_authors", "user_id", postId, links.authors());
        replace("post_categories", "category_id", postId, links.categories());
        replace("post_tag", "tag_id", postId, links.tags());
        jdbc.sql("DELETE FROM post_products WHERE post_id = :post").param("post", postId).update();
        for (long product : links.products()) {
            jdbc.sql("INSERT INTO post_products (post_id, product_id) VALUES (:post, :product)").param("post", postId)
                    .param("product", product).update();
        }
    }

    private void replace(String table, String column, long postId, List<Long> ids) {
        jdbc.sql("DELETE FROM " + table + " WHERE post_id = :post").param("post", postId).update();
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("INSERT INTO " + table + " (post_id, " + column + ", position) VALUES (:post, :id, :position)")
                    .param("post", postId).param("id", ids.get(i)).param("position", i).update();
        }
    }

    static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Post row(ResultSet rs) throws SQLException {
        return new Post(rs.getLong("id"), rs.getString("type"), rs.getString("title"), rs.getString("slug"), rs.getString("excerpt"),
                rs.getString("auto_excerpt"), rs.getString("body_html"), rs.getString("body_json"), rs.getString("body_text"),
                rs.getString("public_text"), rs.getString("teaser_html"), rs.getString("visibility"), rs.getString("status"),
                Rows.instant(rs, "publish_at"), Rows.instant(rs, "published_at"), rs.getBoolean("ever_published"),
                rs.getObject("featured_media_id", Long.class), rs.getBoolean("is_featured"), rs.getInt("word_count"),
                rs.getInt("reading_time_minutes"), rs.getLong("view_count"), rs.getLong("created_by"), rs.getLong("updated_by"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), Rows.instant(rs, "deleted_at"), rs.getInt("version"));
    }

    List<Long> publishedIds(List<String> types, Instant now) {
        return jdbc.sql("""
                SELECT id FROM posts WHERE status = 'published' AND deleted_at IS NULL AND published_at <= :now AND type IN (:types)
                ORDER BY id""")
                .param("now", java.sql.Timestamp.from(now)).param("types", types).query(Long.class).list();
    }
}
