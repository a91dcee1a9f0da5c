package com.revolutiontradingpros.api.content.media;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MediaRepository {

    private static final String COLUMNS = """
            id, storage_key, original_filename, mime_type, kind, size_bytes, width, height, checksum_sha256, alt_text, title,
            caption, folder_id, visibility, focal_x, focal_y, variants_status, file_version, uploaded_by, created_at, updated_at, version""";

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MediaItem> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM media WHERE id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    Optional<MediaItem> findForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM media WHERE id = :id FOR UPDATE").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    List<MediaItem> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM media WHERE id IN (:ids)").param("ids", ids).query((rs, n) -> row(rs)).list();
    }

    /** The library's filters (row 54); null fields do not filter. {@code pattern} is a LIKE pattern over the names. */
    record Filter(@Nullable String kind, boolean rootFolder, @Nullable Long folderId, @Nullable String mimeType, @Nullable String visibility,
            @Nullable Long uploadedBy, boolean unused, boolean missingAlt, @Nullable String pattern) {
    }

    record Listing(List<MediaItem> items, long total) {
    }

    Listing list(Filter filter, String orderBy, long limit, long offset) {
        var where = new StringBuilder("true");
        var params = new HashMap<String, Object>();
        condition(where, params, filter.kind(), " AND m.kind = :kind", "kind");
        condition(where, params, filter.folderId(), " AND m.folder_id = :folder", "folder");
        condition(where, params, filter.mimeType(), " AND m.mime_type = :mime", "mime");
        condition(where, params, filter.visibility(), " AND m.visibility = :visibility", "visibility");
        condition(where, params, filter.uploadedBy(), " AND m.uploaded_by = :uploader", "uploader");
        condition(where, params, filter.pattern(),
                " AND lower(m.original_filename || ' ' || coalesce(m.title, '') || ' ' || coalesce(m.alt_text, '')) LIKE lower(:q)", "q");
        if (filter.rootFolder()) {
            where.append(" AND m.folder_id IS NULL");
        }
        if (filter.unused()) {
            where.append(" AND NOT EXISTS (SELECT 1 FROM asset_usages u WHERE u.asset_type = 'media' AND u.asset_id = m.id)");
        }
        if (filter.missingAlt()) {
            where.append(" AND m.kind = 'image' AND coalesce(trim(m.alt_text), '') = ''");
        }
        var items = jdbc.sql("SELECT " + COLUMNS + " FROM media m WHERE " + where + orderBy + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset).query((rs, n) -> row(rs)).list();
        long total = jdbc.sql("SELECT count(*) FROM media m WHERE " + where).params(params).query(Long.class).single();
        return new Listing(items, total);
    }

    private static void condition(StringBuilder where, Map<String, Object> params, @Nullable Object value, String clause, String name) {
        if (value != null) {
            where.append(clause);
            params.put(name, value);
        }
    }

    long insert(StoredFile file, @Nullable String altText, @Nullable String title, @Nullable String caption, @Nullable Long folderId,
            String visibility, long uploadedBy) {
        return jdbc.sql("""
                INSERT INTO media (storage_key, original_filename, mime_type, kind, size_bytes, width, height, checksum_sha256,
                                   alt_text, title, caption, folder_id, visibility, variants_status, uploaded_by)
                VALUES (:key, :filename, :mime, :kind, :size, :width, :height, :checksum, :alt, :title, :caption, :folder, :visibility,
                        :variants, :by)
                RETURNING id""")
                .param("key", file.storageKey()).param("filename", file.filename()).param("mime", file.type().mime())
                .param("kind", file.type().kind()).param("size", file.sizeBytes()).param("width", file.width())
                .param("height", file.height()).param("checksum", file.checksum()).param("alt", altText).param("title", title)
                .param("caption", caption).param("folder", folderId).param("visibility", visibility)
                .param("variants", file.type().isRaster() ? "pending" : "none").param("by", uploadedBy)
                .query(Long.class).single();
    }

    void updateDetails(long id, @Nullable String altText, @Nullable String title, @Nullable String caption, @Nullable Long folderId,
            BigDecimal focalX, BigDecimal focalY) {
        jdbc.sql("""
                UPDATE media SET alt_text = :alt, title = :title, caption = :caption, folder_id = :folder, focal_x = :fx, focal_y = :fy,
                       updated_at = now(), version = version + 1
                WHERE id = :id""")
                .param("id", id).param("alt", altText).param("title", title).param("caption", caption).param("folder", folderId)
                .param("fx", focalX).param("fy", focalY).update();
    }

    /** A new file (replace, edit, visibility move): the key and facts change, the id, texts and usages stay. */
    void replaceFile(long id, StoredFile file, String visibility, int fileVersion) {
        jdbc.sql("""
                UPDATE media SET storage_key = :key, mime_type = :mime, kind = :kind, size_bytes = :size, width = :width,
                       height = :height, checksum_sha256 = :checksum, visibility = :visibility, file_version = :fileVersion,
                       variants_status = :variants, updated_at = now(), version = version + 1
                WHERE id = :id""")
                .param("id", id).param("key", file.storageKey()).param("mime", file.type().mime()).param("kind", file.type().kind())
                .param("size", file.sizeBytes()).param("width", file.width()).param("height", file.height())
                .param("checksum", file.checksum()).param("visibility", visibility).param("fileVersion", fileVersion)
                .param("variants", file.type().isRaster() ? "pending" : "none").update();
    }

    void moveToFolder(long id, @Nullable Long folderId) {
        jdbc.sql("UPDATE media SET folder_id = :folder, updated_at = now(), version = version + 1 WHERE id = :id")
                .param("id", id).param("folder", folderId).update();
    }

    void setVariantsStatus(long id, String status) {
        jdbc.sql("UPDATE media SET variants_status = :status WHERE id = :id").param("id", id).param("status", status).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM media WHERE id = :id").param("id", id).update();
    }

    List<MediaVariant> variants(Collection<Long> mediaIds) {
        if (mediaIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT media_id, name, format, width, height, size_bytes, storage_key FROM media_variants
                WHERE media_id IN (:ids) ORDER BY media_id, width, format""")
                .param("ids", mediaIds)
                .query((rs, n) -> new MediaVariant(rs.getLong("media_id"), rs.getString("name"), rs.getString("format"),
                        rs.getInt("width"), rs.getInt("height"), rs.getLong("size_bytes"), rs.getString("storage_key")))
                .list();
    }

    void replaceVariants(long mediaId, List<MediaVariant> variants) {
        jdbc.sql("DELETE FROM media_variants WHERE media_id = :id").param("id", mediaId).update();
        for (MediaVariant variant : variants) {
            jdbc.sql("""
                    INSERT INTO media_variants (media_id, name, format, width, height, size_bytes, storage_key)
                    VALUES (:id, :name, :format, :width, :height, :size, :key)""")
                    .param("id", mediaId).param("name", variant.name()).param("format", variant.format())
                    .param("width", variant.width()).param("height", variant.height()).param("size", variant.sizeBytes())
                    .param("key", variant.storageKey()).update();
        }
    }

    /** True when the key is a public item's original or one of its variants. */
    boolean isPublicKey(String key) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM media WHERE storage_key = :key AND visibility = 'public')
                    OR EXISTS (SELECT 1 FROM media_variants v JOIN media m ON m.id = v.media_id
                               WHERE v.storage_key = :key AND m.visibility = 'public')""")
                .param("key", key).query(Boolean.class).single();
    }

    /** Keeps an object readable for a while (pages cached with its URL), then the cleanup job deletes it. */
    void deleteLater(Collection<String> keys, Instant after) {
        for (String key : keys) {
            jdbc.sql("""
                    INSERT INTO media_object_deletions (storage_key, delete_after) VALUES (:key, :after)
                    ON CONFLICT (storage_key) DO UPDATE SET delete_after = excluded.delete_after""")
                    .param("key", key).param("after", java.sql.Timestamp.from(after)).update();
        }
    }

    List<String> dueDeletions(int limit) {
        return jdbc.sql("SELECT storage_key FROM media_object_deletions WHERE delete_after <= now() ORDER BY delete_after LIMIT :limit")
                .param("limit", limit).query(String.class).list();
    }

    void deletionDone(String key) {
        jdbc.sql("DELETE FROM media_object_deletions WHERE storage_key = :key").param("key", key).update();
    }

    record KindTotal(String kind, long items, long bytes) {
    }

    record Counts(long unusedItems, long unusedBytes, long missingAlt, long pending, long failed) {
    }

    List<KindTotal> bytesPerKind() {
        return jdbc.sql("SELECT kind, count(*) AS items, coalesce(sum(size_bytes), 0) AS bytes FROM media GROUP BY kind ORDER BY kind")
                .query((rs, n) -> new KindTotal(rs.getString("kind"), rs.getLong("items"), rs.getLong("bytes"))).list();
    }

    Counts stats() {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM asset_usages u WHERE u.asset_type = 'media' AND u.asset_id = m.id))
                           AS unused_items,
                       coalesce(sum(size_bytes) FILTER (WHERE NOT EXISTS (SELECT 1 FROM asset_usages u
                                                                           WHERE u.asset_type = 'media' AND u.asset_id = m.id)), 0)
                           AS unused_bytes,
                       count(*) FILTER (WHERE kind = 'image' AND coalesce(trim(alt_text), '') = '') AS missing_alt,
                       count(*) FILTER (WHERE variants_status = 'pending') AS pending,
                       count(*) FILTER (WHERE variants_status = 'failed') AS failed
                FROM media m""")
                .query((rs, n) -> new Counts(rs.getLong("unused_items"), rs.getLong("unused_bytes"), rs.getLong("missing_alt"),
                        rs.getLong("pending"), rs.getLong("failed")))
                .single();
    }

    List<MediaItem> largest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM media ORDER BY size_bytes DESC, id LIMIT :limit").param("limit", limit)
                .query((rs, n) -> row(rs)).list();
    }

    static MediaItem row(ResultSet rs) throws SQLException {
        return new MediaItem(rs.getLong("id"), rs.getString("storage_key"), rs.getString("original_filename"), rs.getString("mime_type"),
                rs.getString("kind"), rs.getLong("size_bytes"), rs.getObject("width", Integer.class), rs.getObject("height", Integer.class),
                rs.getBytes("checksum_sha256"), rs.getString("alt_text"), rs.getString("title"), rs.getString("caption"),
                rs.getObject("folder_id", Long.class), rs.getString("visibility"), rs.getBigDecimal("focal_x"), rs.getBigDecimal("focal_y"),
                rs.getString("variants_status"), rs.getInt("file_version"), rs.getLong("uploaded_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }
}
