package com.revolutiontradingpros.api.users.imports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.platform.database.Rows;

@Repository
class UserImports {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    UserImports(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long create(long createdBy, String fileKey) {
        return jdbc.sql("INSERT INTO user_imports (created_by, file_key, status) VALUES (:by, :key, 'queued') RETURNING id")
                .param("by", createdBy).param("key", fileKey).query(Long.class).single();
    }

    Optional<Job> find(long id) {
        return jdbc.sql("SELECT id, created_by, file_key, status, lines, created, updated, unchanged, failed, errors::text AS errors, "
                        + "message, created_at, started_at, finished_at FROM user_imports WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Job(rs.getLong("id"), rs.getLong("created_by"), rs.getString("file_key"), rs.getString("status"),
                        rs.getInt("lines"), rs.getInt("created"), rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("failed"),
                        json.readValue(rs.getString("errors"), new TypeReference<List<LineError>>() { }), rs.getString("message"),
                        rs.getTimestamp("created_at").toInstant(), Rows.instant(rs, "started_at"), Rows.instant(rs, "finished_at")))
                .optional();
    }

    /** Claims a queued job for running; false when another node has it or it already ran. */
    boolean start(long id) {
        return jdbc.sql("UPDATE user_imports SET status = 'running', started_at = now() WHERE id = :id AND status IN ('queued', 'running')")
                .param("id", id).update() > 0;
    }

    void progress(long id, Report report) {
        jdbc.sql("""
                UPDATE user_imports SET lines = :lines, created = :created, updated = :updated, unchanged = :unchanged,
                                        failed = :failed, errors = CAST(:errors AS jsonb)
                WHERE id = :id""")
                .param("lines", report.lines).param("created", report.created).param("updated", report.updated)
                .param("unchanged", report.unchanged).param("failed", report.failed)
                .param("errors", json.writeValueAsString(report.errors)).param("id", id).update();
    }

    void finish(long id, String status, @Nullable String message) {
        jdbc.sql("UPDATE user_imports SET status = :status, message = :message, finished_at = now() WHERE id = :id")
                .param("status", status).param("message", message).param("id", id).update();
    }

    record LineError(long line, String email, String message) {
    }

    record Job(long id, long createdBy, String fileKey, String status, int lines, int created, int updated, int unchanged, int failed,
            List<LineError> errors, @Nullable String message, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt) {
    }

    /** Counts as the job goes; only the first {@link #MAX_ERRORS} line errors are kept. */
    static final class Report {
        static final int MAX_ERRORS = 1000;
        int lines;
        int created;
        int updated;
        int unchanged;
        int failed;
        final List<LineError> errors = new java.util.ArrayList<>();

        void error(long line, String email, String message) {
            failed++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(new LineError(line, email, message));
            }
        }
    }
}
