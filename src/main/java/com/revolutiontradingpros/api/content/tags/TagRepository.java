package com.revolutiontradingpros.api.content.tags;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.revolutiontradingpros.api.content.counts.PublishedPostCounts;
import com.revolutiontradingpros.api.platform.paging.PageQuery;

@Repository
class TagRepository {

    private static final String SELECT = "SELECT id, name, slug, description, is_internal, post_count, created_at, updated_at, version FROM tags";
    private static final Map<String, String> SORTS = Map.of("name", "lower(name)", "post_count", "post_count");

    private final JdbcClient jdbc;
    private final PublishedPostCounts counts;

    TagRepository(JdbcClient jdbc, PublishedPostCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    Optional<Tag> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    Optional<Tag> findBySlug(String slug) {
        return jdbc.sql(SELECT + " WHERE slug = :slug").param("slug", slug).query((rs, n) -> row(rs)).optional();
    }

    Optional<Tag> findByName(String name) {
        return jdbc.sql(SELECT + " WHERE lower(name) = lower(:name)").param("name", name).query((rs, n) -> row(rs)).optional();
    }

    List<Tag> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE id IN (:ids)").param("ids", ids).query((rs, n) -> row(rs)).list();
    }

    Page list(PageQuery query, boolean withInternal) {
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(" WHERE true");
        if (!withInternal) {
            where.append(" AND NOT is_internal");
        }
        query.search().ifPresent(q -> {
            where.append(" AND lower(name) LIKE :prefix ESCAPE '\\'");
            params.put("prefix", q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        });
        query.filter("min_posts").ifPresent(min -> {
            where.append(" AND post_count >= :min");
            params.put("min", Integer.parseInt(min));
        });
        long total = jdbc.sql("SELECT count(*) FROM tags" + where).params(params).query(Long.class).single();
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        var rows = jdbc.sql(SELECT + where + query.orderBy(SORTS, "id") + " LIMIT :limit OFFSET :offset").params(params)
                .query((rs, n) -> row(rs)).list();
        return new Page(rows, total);
    }

    record Page(List<Tag> rows, long total) {
    }

    boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM tags WHERE slug = :slug AND id <> :id)").param("slug", slug).param("id", exceptId)
                .query(Boolean.class).single();
    }

    boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM tags WHERE lower(name) = lower(:name) AND id <> :id)").param("name", name)
                .param("id", exceptId).query(Boolean.class).single();
    }

    /** The new tag's id, or empty when the name was taken meanwhile. */
    Optional<Long> insert(String name, String slug, @Nullable String description) {
        return jdbc.sql("INSERT INTO tags (name, slug, description) VALUES (:name, :slug, :description) ON CONFLICT DO NOTHING RETURNING id")
                .param("name", name).param("slug", slug).param("description", description).query(Long.class).optional();
    }

    void update(long id, String name, String slug, @Nullable String description) {
        jdbc.sql("""
                UPDATE tags SET name = :name, slug = :slug, description = :description, updated_at = now(), version = version + 1
                WHERE id = :id""")
                .param("id", id).param("name", name).param("slug", slug).param("description", description).update();
    }

    /** The posts that carried the tag, after removing it from them. */
    List<Long> delete(long id) {
        var posts = jdbc.sql("DELETE FROM post_tag WHERE tag_id = :id RETURNING post_id").param("id", id).query(Long.class).list();
        jdbc.sql("DELETE FROM tags WHERE id = :id").param("id", id).update();
        return posts;
    }

    /** Moves every source tag's posts to the target (one row per post), then deletes the sources. */
    List<Long> merge(Collection<Long> sourceIds, long targetId) {
        var posts = jdbc.sql("""
                INSERT INTO post_tag (post_id, tag_id, position)
                SELECT DISTINCT ON (pt.post_id) pt.post_id, :target, pt.position FROM post_tag pt
                WHERE pt.tag_id IN (:sources)
                  AND NOT EXISTS (SELECT 1 FROM post_tag t WHERE t.post_id = pt.post_id AND t.tag_id = :target)
                ORDER BY pt.post_id, pt.position
                RETURNING post_id""")
                .param("sources", sourceIds).param("target", targetId).query(Long.class).list();
        jdbc.sql("DELETE FROM tags WHERE id IN (:sources)").param("sources", sourceIds).update();
        return posts;
    }

    List<Long> unused() {
        return jdbc.sql("SELECT id FROM tags t WHERE NOT EXISTS (SELECT 1 FROM post_tag pt WHERE pt.tag_id = t.id)").query(Long.class).list();
    }

    void recount(Collection<Long> ids) {
        counts.recount(PublishedPostCounts.Counted.TAGS, ids);
    }

    private static Tag row(ResultSet rs) throws SQLException {
        return new Tag(rs.getLong("id"), rs.getString("name"), rs.getString("slug"), rs.getString("description"),
                rs.getBoolean("is_internal"), rs.getInt("post_count"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }
}
