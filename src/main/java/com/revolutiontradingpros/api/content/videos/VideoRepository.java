package com.revolutiontradingpros.api.content.videos;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VideoRepository {

    private static final String COLUMNS = """
            id, title, slug, description, kind, status, processing_status, processing_error, source, storage_key, source_url,
            embed_provider, embed_id, mime_type, size_bytes, duration_seconds, width, height, codec, thumbnail_media_id, access,
            room_product_id, recorded_on, session_label, presenter_user_id, published_at, view_count, created_by, created_at,
            updated_at, version""";

    private final JdbcClient jdbc;

    VideoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Video> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM videos WHERE id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    Optional<Video> findForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM videos WHERE id = :id FOR UPDATE").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    Optional<Video> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM videos WHERE slug = :slug").param("slug", slug).query((rs, n) -> row(rs)).optional();
    }

    List<Video> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM videos WHERE id IN (:ids)").param("ids", ids).query((rs, n) -> row(rs)).list();
    }

    List<Long> publishedIds() {
        return jdbc.sql("SELECT id FROM videos WHERE status = 'published' ORDER BY id").query(Long.class).list();
    }

    boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM videos WHERE slug = :slug AND id <> :id)").param("slug", slug).param("id", exceptId)
                .query(Boolean.class).single();
    }

    /** What editors set on a video (rows 73 and 77). */
    record Fields(String title, String slug, @Nullable String description, String kind, String access, @Nullable Long roomProductId,
            @Nullable LocalDate recordedOn, @Nullable String sessionLabel, @Nullable Long presenterUserId, @Nullable Integer durationSeconds) {

        static Fields of(Video video) {
            return new Fields(video.title(), video.slug(), video.description(), video.kind(), video.access(), video.roomProductId(),
                    video.recordedOn(), video.sessionLabel(), video.presenterUserId(), video.durationSeconds());
        }
    }

    /** Where the bytes are; metadata comes with it for stored files once the processing job has read them. */
    record Source(String source, @Nullable String storageKey, @Nullable String sourceUrl, @Nullable String embedProvider,
            @Nullable String embedId, @Nullable String mimeType, @Nullable Long sizeBytes) {

        boolean stored() {
            return source.equals("storage");
        }
    }

    long insert(Fields fields, Source source, long createdBy) {
        return jdbc.sql("""
                INSERT INTO videos (title, slug, description, kind, access, room_product_id, recorded_on, session_label, presenter_user_id,
                                    duration_seconds, source, storage_key, source_url, embed_provider, embed_id, mime_type, size_bytes,
                                    processing_status, created_by)
                VALUES (:title, :slug, :description, :kind, :access, :room, :recorded, :label, :presenter, :duration, :source, :key, :url,
                        :provider, :embed, :mime, :size, :processing, :by)
                RETURNING id""")
                .params(fieldParams(fields)).params(sourceParams(source)).param("processing", source.stored() ? "pending" : "ready")
                .param("by", createdBy).query(Long.class).single();
    }

    void update(long id, Fields fields) {
        jdbc.sql("""
                UPDATE videos SET title = :title, slug = :slug, description = :description, kind = :kind, access = :access,
                       room_product_id = :room, recorded_on = :recorded, session_label = :label, presenter_user_id = :presenter,
                       duration_seconds = :duration, updated_at = now(), version = version + 1
                WHERE id = :id""").params(fieldParams(fields)).param("id", id).update();
    }

    /** A new file or URL: stored files wait for the processing job, the others are ready at once. */
    void replaceSource(long id, Source source, @Nullable Integer durationSeconds) {
        jdbc.sql("""
                UPDATE videos SET source = :source, storage_key = :key, source_url = :url, embed_provider = :provider, embed_id = :embed,
                       mime_type = :mime, size_bytes = :size, duration_seconds = :duration, width = NULL, height = NULL, codec = NULL,
                       processing_status = :processing, processing_error = NULL, updated_at = now(), version = version + 1
                WHERE id = :id""").params(sourceParams(source)).param("duration", durationSeconds)
                .param("processing", source.stored() ? "pending" : "ready").param("id", id).update();
    }

    void setStatus(long id, String status, @Nullable Instant publishedAt) {
        jdbc.sql("""
                UPDATE videos SET status = :status, published_at = :published, updated_at = now(), version = version + 1 WHERE id = :id""")
                .param("status", status).param("published", publishedAt == null ? null : Timestamp.from(publishedAt)).param("id", id).update();
    }

    void setThumbnail(long id, @Nullable Long mediaId) {
        jdbc.sql("UPDATE videos SET thumbnail_media_id = :media, updated_at = now(), version = version + 1 WHERE id = :id")
                .param("media", mediaId).param("id", id).update();
    }

    /** Processing takes a stored file only while it is still the current one: a replaced source is left to its own job. */
    boolean startProcessing(long id, String storageKey) {
        return jdbc.sql("""
                UPDATE videos SET processing_status = 'processing'
                WHERE id = :id AND storage_key = :key AND processing_status IN ('pending', 'processing')""")
                .param("id", id).param("key", storageKey).update() == 1;
    }

    void processed(long id, String storageKey, ContainerHeaders.Metadata metadata) {
        jdbc.sql("""
                UPDATE videos SET processing_status = 'ready', processing_error = NULL, duration_seconds = :duration, width = :width,
                       height = :height, codec = :codec, updated_at = now(), version = version + 1
                WHERE id = :id AND storage_key = :key""")
                .param("duration", metadata.durationSeconds()).param("width", metadata.width()).param("height", metadata.height())
                .param("codec", metadata.codec()).param("id", id).param("key", storageKey).update();
    }

    void failed(long id, String storageKey, String error) {
        jdbc.sql("""
                UPDATE videos SET processing_status = 'failed', processing_error = :error, updated_at = now(), version = version + 1
                WHERE id = :id AND storage_key = :key""").param("error", error).param("id", id).param("key", storageKey).update();
    }

    void reprocess(long id) {
        jdbc.sql("""
                UPDATE videos SET processing_status = 'pending', processing_error = NULL, updated_at = now(), version = version + 1
                WHERE id = :id""").param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM videos WHERE id = :id").param("id", id).update();
    }

    List<Long> products(long videoId) {
        return jdbc.sql("SELECT product_id FROM video_products WHERE video_id = :id ORDER BY product_id").param("id", videoId)
                .query(Long.class).list();
    }

    Map<Long, List<Long>> products(Collection<Long> videoIds) {
        var byVideo = new HashMap<Long, List<Long>>();
        if (!videoIds.isEmpty()) {
            jdbc.sql("SELECT video_id, product_id FROM video_products WHERE video_id IN (:ids) ORDER BY product_id").param("ids", videoIds)
                    .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                            byVideo.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2)));
        }
        return byVideo;
    }

    void setProducts(long videoId, Collection<Long> productIds) {
        jdbc.sql("DELETE FROM video_products WHERE video_id = :id").param("id", videoId).update();
        for (long product : productIds) {
            jdbc.sql("INSERT INTO video_products (video_id, product_id) VALUES (:id, :product)").param("id", videoId).param("product", product)
                    .update();
        }
    }

    record Chapter(int startSeconds, String title) {
    }

    List<Chapter> chapters(long videoId) {
        return jdbc.sql("SELECT start_seconds, title FROM video_chapters WHERE video_id = :id ORDER BY position").param("id", videoId)
                .query((rs, n) -> new Chapter(rs.getInt(1), rs.getString(2))).list();
    }

    void setChapters(long videoId, List<Chapter> chapters) {
        jdbc.sql("DELETE FROM video_chapters WHERE video_id = :id").param("id", videoId).update();
        for (int i = 0; i < chapters.size(); i++) {
            jdbc.sql("INSERT INTO video_chapters (video_id, position, start_seconds, title) VALUES (:id, :position, :start, :title)")
                    .param("id", videoId).param("position", i).param("start", chapters.get(i).startSeconds())
                    .param("title", chapters.get(i).title()).update();
        }
    }

    /** Row 70's filters; null fields do not filter, except status, which the public always has as published. */
    record Filter(@Nullable String kind, @Nullable Long roomProductId, @Nullable LocalDate recordedAfter, @Nullable LocalDate recordedBefore,
            @Nullable String access, @Nullable String pattern, @Nullable String status, @Nullable String processingStatus) {
    }

    record Listing(List<Video> items, long total) {
    }

    Listing list(Filter filter, String orderBy, long limit, long offset) {
        var where = new StringBuilder("true");
        var params = new LinkedHashMap<String, Object>();
        add(where, params, filter.kind(), "kind = :kind", "kind");
        add(where, params, filter.roomProductId(), "room_product_id = :room", "room");
        add(where, params, filter.recordedAfter() == null ? null : Date.valueOf(filter.recordedAfter()), "recorded_on >= :after", "after");
        add(where, params, filter.recordedBefore() == null ? null : Date.valueOf(filter.recordedBefore()), "recorded_on <= :before", "before");
        add(where, params, filter.access(), "access = :access", "access");
        add(where, params, filter.pattern(), "lower(title || ' ' || coalesce(description, '')) LIKE :pattern", "pattern");
        add(where, params, filter.status(), "status = :status", "status");
        add(where, params, filter.processingStatus(), "processing_status = :processing", "processing");
        long total = jdbc.sql("SELECT count(*) FROM videos WHERE " + where).params(params).query(Long.class).single();
        var items = jdbc.sql("SELECT " + COLUMNS + " FROM videos WHERE " + where + orderBy + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset).query((rs, n) -> row(rs)).list();
        return new Listing(items, total);
    }

    private static void add(StringBuilder where, Map<String, Object> params, @Nullable Object value, String condition, String name) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.put(name, value);
        }
    }

    record Room(long productId, long archives, LocalDate first, LocalDate latest) {
    }

    List<Room> rooms() {
        return jdbc.sql("""
                SELECT room_product_id, count(*), min(recorded_on), max(recorded_on) FROM videos
                WHERE status = 'published' AND kind = 'room_archive'
                GROUP BY room_product_id ORDER BY max(recorded_on) DESC""")
                .query((rs, n) -> new Room(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate())).list();
    }

    List<Video> roomArchives(long roomProductId, LocalDate from, LocalDate until) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM videos WHERE status = 'published' AND kind = 'room_archive' AND room_product_id = :room
                  AND recorded_on >= :from AND recorded_on < :until
                ORDER BY recorded_on, session_label NULLS FIRST, id""")
                .param("room", roomProductId).param("from", Date.valueOf(from)).param("until", Date.valueOf(until))
                .query((rs, n) -> row(rs)).list();
    }

    private static Map<String, Object> fieldParams(Fields f) {
        var params = new HashMap<String, Object>();
        params.put("title", f.title());
        params.put("slug", f.slug());
        params.put("description", f.description());
        params.put("kind", f.kind());
        params.put("access", f.access());
        params.put("room", f.roomProductId());
        params.put("recorded", f.recordedOn() == null ? null : Date.valueOf(f.recordedOn()));
        params.put("label", f.sessionLabel());
        params.put("presenter", f.presenterUserId());
        params.put("duration", f.durationSeconds());
        return params;
    }

    private static Map<String, Object> sourceParams(Source s) {
        var params = new HashMap<String, Object>();
        params.put("source", s.source());
        params.put("key", s.storageKey());
        params.put("url", s.sourceUrl());
        params.put("provider", s.embedProvider());
        params.put("embed", s.embedId());
        params.put("mime", s.mimeType());
        params.put("size", s.sizeBytes());
        return params;
    }

    private static Video row(ResultSet rs) throws SQLException {
        var recorded = rs.getDate("recorded_on");
        var published = rs.getTimestamp("published_at");
        return new Video(rs.getLong("id"), rs.getString("title"), rs.getString("slug"), rs.getString("description"), rs.getString("kind"),
                rs.getString("status"), rs.getString("processing_status"), rs.getString("processing_error"), rs.getString("source"),
                rs.getString("storage_key"), rs.getString("source_url"), rs.getString("embed_provider"), rs.getString("embed_id"),
                rs.getString("mime_type"), rs.getObject("size_bytes", Long.class), rs.getObject("duration_seconds", Integer.class),
                rs.getObject("width", Integer.class), rs.getObject("height", Integer.class), rs.getString("codec"),
                rs.getObject("thumbnail_media_id", Long.class), rs.getString("access"), rs.getObject("room_product_id", Long.class),
                recorded == null ? null : recorded.toLocalDate(), rs.getString("session_label"), rs.getObject("presenter_user_id", Long.class),
                published == null ? null : published.toInstant(), rs.getLong("view_count"), rs.getLong("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }
}
