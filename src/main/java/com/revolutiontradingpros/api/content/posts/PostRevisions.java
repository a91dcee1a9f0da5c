package com.revolutiontradingpros.api.content.posts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** post_revisions: saved states of a post, and each editor's one autosave. */
@Repository
class PostRevisions {

    static final int KEPT = 100;

    private final JdbcClient jdbc;

    PostRevisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Revision(long id, long postId, String kind, String title, @Nullable String excerpt, String bodyHtml, @Nullable String bodyJson,
            @Nullable String teaserHtml, int wordCount, long savedBy, Instant createdAt) {
    }

    /** Records the post's current content; keeps at most 100 revisions besides autosaves (manual ones pruned first). */
    void record(Post post, String kind, long by) {
        jdbc.sql("""
                INSERT INTO post_revisions (post_id, kind, title, excerpt, body_html, body_json, teaser_html, word_count, saved_by)
                VALUES (:post, :kind, :title, :excerpt, :body, CAST(:json AS jsonb), :teaser, :words, :by)""")
                .param("post", post.id()).param("kind", kind).param("title", post.title()).param("excerpt", post.excerpt())
                .param("body", post.bodyHtml()).param("json", post.bodyJson()).param("teaser", post.teaserHtml())
                .param("words", post.wordCount()).param("by", by).update();
        jdbc.sql("""
                DELETE FROM post_revisions WHERE id IN (
                    SELECT id FROM post_revisions WHERE post_id = :post AND kind <> 'autosave'
                    ORDER BY CASE kind WHEN 'manual' THEN 0 WHEN 'import' THEN 1 WHEN 'restore' THEN 2 ELSE 3 END, id
                    LIMIT greatest(0, (SELECT count(*) FROM post_revisions WHERE post_id = :post AND kind <> 'autosave') - :kept))""")
                .param("post", post.id()).param("kept", KEPT).update();
    }

    void autosave(long postId, long by, String title, @Nullable String excerpt, String bodyHtml, @Nullable String bodyJson, int words) {
        jdbc.sql("""
                INSERT INTO post_revisions (post_id, kind, title, excerpt, body_html, body_json, word_count, saved_by)
                VALUES (:post, 'autosave', :title, :excerpt, :body, CAST(:json AS jsonb), :words, :by)
                ON CONFLICT (post_id, saved_by) WHERE kind = 'autosave'
                DO UPDATE SET title = EXCLUDED.title, excerpt = EXCLUDED.excerpt, body_html = EXCLUDED.body_html,
                              body_json = EXCLUDED.body_json, word_count = EXCLUDED.word_count, created_at = now()""")
                .param("post", postId).param("by", by).param("title", title).param("excerpt", excerpt).param("body", bodyHtml)
                .param("json", bodyJson).param("words", words).update();
    }

    void dropAutosave(long postId, long by) {
        jdbc.sql("DELETE FROM post_revisions WHERE post_id = :post AND saved_by = :by AND kind = 'autosave'")
                .param("post", postId).param("by", by).update();
    }

    Optional<Revision> autosaveOf(long postId, long by) {
        return jdbc.sql(SELECT + " WHERE post_id = :post AND saved_by = :by AND kind = 'autosave'").param("post", postId).param("by", by)
                .query((rs, n) -> row(rs)).optional();
    }

    Optional<Revision> find(long postId, long id) {
        return jdbc.sql(SELECT + " WHERE post_id = :post AND id = :id").param("post", postId).param("id", id).query((rs, n) -> row(rs))
                .optional();
    }

    /** Newest first; other people's autosaves only when {@code allAutosaves}. */
    List<Revision> list(long postId, long caller, boolean allAutosaves, int limit, long offset) {
        return jdbc.sql(SELECT + " WHERE post_id = :post AND (kind <> 'autosave' OR :all OR saved_by = :caller) "
                        + "ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("post", postId).param("all", allAutosaves).param("caller", caller).param("limit", limit).param("offset", offset)
                .query((rs, n) -> row(rs)).list();
    }

    long count(long postId, long caller, boolean allAutosaves) {
        return jdbc.sql("SELECT count(*) FROM post_revisions WHERE post_id = :post AND (kind <> 'autosave' OR :all OR saved_by = :caller)")
                .param("post", postId).param("all", allAutosaves).param("caller", caller).query(Long.class).single();
    }

    private static final String SELECT = """
            SELECT id, post_id, kind, title, excerpt, body_html, body_json::text AS body_json, teaser_html, word_count, saved_by, created_at
            FROM post_revisions""";

    private static Revision row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Revision(rs.getLong("id"), rs.getLong("post_id"), rs.getString("kind"), rs.getString("title"), rs.getString("excerpt"),
                rs.getString("body_html"), rs.getString("body_json"), rs.getString("teaser_html"), rs.getInt("word_count"),
                rs.getLong("saved_by"), rs.getTimestamp("created_at").toInstant());
    }
}
