package com.revolutiontradingpros.api.content.uploads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UploadRepository {

    private static final String SELECT = """
            SELECT id, purpose, storage_key, filename, content_type, size_bytes, multipart_upload_id, part_size, target_id, folder_id,
                   visibility, status, result_id, created_by, created_at, expires_at
            FROM uploads""";

    private final JdbcClient jdbc;

    UploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Upload upload) {
        jdbc.sql("""
                INSERT INTO uploads (id, purpose, storage_key, filename, content_type, size_bytes, multipart_upload_id, part_size,
                                     target_id, folder_id, visibility, created_by, expires_at)
                VALUES (:id, :purpose, :key, :filename, :type, :size, :multipart, :partSize, :target, :folder, :visibility, :by, :expires)""")
                .param("id", upload.id()).param("purpose", upload.purpose()).param("key", upload.storageKey())
                .param("filename", upload.filename()).param("type", upload.contentType()).param("size", upload.sizeBytes())
                .param("multipart", upload.multipartUploadId()).param("partSize", upload.partSize()).param("target", upload.targetId())
                .param("folder", upload.folderId()).param("visibility", upload.visibility()).param("by", upload.createdBy())
                .param("expires", java.sql.Timestamp.from(upload.expiresAt())).update();
    }

    Optional<Upload> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    Optional<Upload> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    void finish(UUID id, String status, @Nullable Long resultId) {
        jdbc.sql("UPDATE uploads SET status = :status, result_id = :result WHERE id = :id")
                .param("id", id).param("status", status).param("result", resultId).update();
    }

    /** Pending uploads past their expiry, locked so only one node cleans each up. */
    List<Upload> expired(int limit) {
        return jdbc.sql(SELECT + " WHERE status = 'pending' AND expires_at < now() ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("limit", limit).query((rs, n) -> row(rs)).list();
    }

    private static Upload row(ResultSet rs) throws SQLException {
        return new Upload(rs.getObject("id", UUID.class), rs.getString("purpose"), rs.getString("storage_key"), rs.getString("filename"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("multipart_upload_id"),
                rs.getObject("part_size", Long.class), rs.getObject("target_id", Long.class), rs.getObject("folder_id", Long.class),
                rs.getString("visibility"), rs.getString("status"), rs.getObject("result_id", Long.class), rs.getLong("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant());
    }
}
