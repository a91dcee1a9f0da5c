package com.revolutiontradingpros.api.content.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * search_index_queue: what Meilisearch has not been told yet. Rows are written in the transaction that changes
 * search_documents, so no change is lost, and deleted only once Meilisearch has applied them.
 */
@Repository
class SearchIndexQueue {

    /** The ref_id of the single kind of settings row. */
    static final String SETTINGS = "settings";

    private final JdbcClient jdbc;

    SearchIndexQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Work(long id, String type, long refId, String action, int attempts) {
    }

    void add(String type, long refId, String action) {
        jdbc.sql("INSERT INTO search_index_queue (type, ref_id, action) VALUES (:type, :id, :action)")
                .param("type", type).param("id", refId).param("action", action).update();
    }

    /** Queues every stored document of these types (after a boost change). */
    void addAllOf(Collection<String> types) {
        jdbc.sql("INSERT INTO search_index_queue (type, ref_id, action) SELECT type, ref_id, 'upsert' FROM search_documents WHERE type IN (:types)")
                .param("types", types).update();
    }

    void addSettings() {
        add(SETTINGS, 0, SETTINGS);
    }

    /** Up to {@code limit} due rows, oldest first; the caller holds the push lock, so no other node takes them. */
    List<Work> claim(int limit) {
        return jdbc.sql("SELECT id, type, ref_id, action, attempts FROM search_index_queue WHERE next_try_at <= now() ORDER BY id LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Work(rs.getLong("id"), rs.getString("type"), rs.getLong("ref_id"), rs.getString("action"),
                        rs.getInt("attempts")))
                .list();
    }

    void done(Collection<Long> ids) {
        jdbc.sql("DELETE FROM search_index_queue WHERE id IN (:ids)").param("ids", ids).update();
    }

    /** Tries again after a backoff that doubles up to 5 minutes. */
    void failed(Collection<Long> ids, String error) {
        jdbc.sql("""
                UPDATE search_index_queue SET attempts = attempts + 1, last_error = :error,
                       next_try_at = now() + make_interval(secs => least(300, power(2, attempts)))
                WHERE id IN (:ids)""")
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error).param("ids", ids).update();
    }

    record Backlog(long pending, @Nullable Instant oldest, @Nullable String lastError) {
    }

    Backlog backlog() {
        return jdbc.sql("""
                SELECT count(*) AS pending, min(created_at) AS oldest,
                       (SELECT last_error FROM search_index_queue WHERE last_error IS NOT NULL ORDER BY next_try_at DESC LIMIT 1) AS error
                FROM search_index_queue""")
                .query((rs, n) -> new Backlog(rs.getLong("pending"),
                        rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant(), rs.getString("error")))
                .single();
    }
}
