package com.revolutiontradingpros.api.content.posts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.platform.database.Rows;

/** content_import_jobs: one row per uploaded import file, with its counts and the first 500 item errors. */
@Repository
class PostImports {

    static final int MAX_ERRORS = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PostImports(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Options(@Schema(allowableValues = {"draft", "keep"}) String status, @Schema(allowableValues = {"skip", "rename"}) String onConflict) {
    }

    record ItemError(@Schema(description = "the item's number in the file and its slug or title") String item, String message) {
    }

    record Job(long id, @Schema(allowableValues = {"json", "wxr"}) String format,
            @Schema(allowableValues = {"queued", "running", "completed", "failed"}) String status, Options options, int created,
            int skipped, int failed, List<ItemError> errors, @Nullable @Schema(description = "why a failed job stopped") String message,
            long createdBy, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
            @JsonIgnore String fileKey) {
    }

    long create(String format, Options options, String fileKey, long createdBy) {
        return jdbc.sql("""
                INSERT INTO content_import_jobs (format, options, file_key, created_by) VALUES (:format, CAST(:options AS jsonb), :key, :by)
                RETURNING id""")
                .param("format", format).param("options", json.writeValueAsString(options)).param("key", fileKey).param("by", createdBy)
                .query(Long.class).single();
    }

    Optional<Job> find(long id) {
        return jdbc.sql("""
                SELECT id, format, status, options::text AS options, created, skipped, failed, errors::text AS errors, message, created_by,
                       created_at, started_at, finished_at, file_key
                FROM content_import_jobs WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new Job(rs.getLong("id"), rs.getString("format"), rs.getString("status"),
                        json.readValue(rs.getString("options"), Options.class), rs.getInt("created"), rs.getInt("skipped"), rs.getInt("failed"),
                        json.readValue(rs.getString("errors"), new TypeReference<List<ItemError>>() { }), rs.getString("message"),
                        rs.getLong("created_by"), rs.getTimestamp("created_at").toInstant(), Rows.instant(rs, "started_at"),
                        Rows.instant(rs, "finished_at"), rs.getString("file_key")))
                .optional();
    }

    /** Claims a queued job; false when it already ran (a job retried after a node died runs again from the start). */
    boolean start(long id) {
        return jdbc.sql("UPDATE content_import_jobs SET status = 'running', started_at = now() WHERE id = :id AND status IN ('queued', 'running')")
                .param("id", id).update() > 0;
    }

    void progress(long id, Report report) {
        jdbc.sql("UPDATE content_import_jobs SET created = :created, skipped = :skipped, failed = :failed, errors = CAST(:errors AS jsonb) WHERE id = :id")
                .param("created", report.created).param("skipped", report.skipped).param("failed", report.failed)
                .param("errors", json.writeValueAsString(report.errors)).param("id", id).update();
    }

    void finish(long id, Report report, String status, @Nullable String message) {
        progress(id, report);
        jdbc.sql("UPDATE content_import_jobs SET status = :status, message = :message, finished_at = now() WHERE id = :id")
                .param("status", status).param("message", message).param("id", id).update();
    }

    /** Counts as the job goes. */
    static final class Report {
        int created;
        int skipped;
        int failed;
        final List<ItemError> errors = new ArrayList<>();

        void failed(String item, String message) {
            failed++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(new ItemError(item, message));
            }
        }
    }
}
