package com.revolutiontradingpros.api.content.videos;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Views, watch time and progress added up for the editors' reports (rows 93–95), and the counters behind them. */
@Repository
class VideoStatsRepository {

    private final JdbcClient jdbc;

    VideoStatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds counted views to the day's row and the video's total in one statement; a deleted video takes none. */
    void addViews(long videoId, LocalDate day, long views, long uniqueViewers) {
        jdbc.sql("""
                WITH day AS (
                    INSERT INTO video_views_daily (video_id, day, views, unique_viewers)
                    SELECT id, :day, :views, :unique FROM videos WHERE id = :video
                    ON CONFLICT (video_id, day) DO UPDATE SET views = video_views_daily.views + excluded.views,
                        unique_viewers = video_views_daily.unique_viewers + excluded.unique_viewers
                )
                UPDATE videos SET view_count = view_count + :views WHERE id = :video""")
                .param("day", Date.valueOf(day)).param("views", views).param("unique", uniqueViewers).param("video", videoId).update();
    }

    /** The day's salt: the proposed one unless another node stored one first; older salts are deleted. */
    byte[] daySalt(LocalDate day, byte[] proposed) {
        jdbc.sql("INSERT INTO video_view_salts (day, salt) VALUES (:day, :salt) ON CONFLICT (day) DO NOTHING")
                .param("day", Date.valueOf(day)).param("salt", proposed).update();
        jdbc.sql("DELETE FROM video_view_salts WHERE day < :day").param("day", Date.valueOf(day)).update();
        return jdbc.sql("SELECT salt FROM video_view_salts WHERE day = :day").param("day", Date.valueOf(day)).query(byte[].class).single();
    }

    record Day(LocalDate day, long views, long uniqueViewers, long watchSeconds) {
    }

    List<Day> days(@Nullable Long videoId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT day, sum(views), sum(unique_viewers), sum(watch_seconds) FROM video_views_daily
                WHERE (CAST(:video AS bigint) IS NULL OR video_id = :video) AND day BETWEEN :from AND :to
                GROUP BY day ORDER BY day""")
                .param("video", videoId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new Day(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
    }

    record Watching(long viewers, @Nullable BigDecimal averagePercent, long completed, List<Long> buckets) {
    }

    /** Progress of the signed-in viewers active in the period: average percent, completions and ten 10 % buckets. */
    Watching watching(long videoId, Instant from, Instant to) {
        var buckets = jdbc.sql("""
                SELECT least(floor(percent / 10), 9)::int AS bucket, count(*) FROM video_progress
                WHERE video_id = :video AND updated_at >= :from AND updated_at < :to GROUP BY 1""")
                .param("video", videoId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new long[] {rs.getInt(1), rs.getLong(2)}).list();
        long[] counts = new long[10];
        buckets.forEach(b -> counts[(int) b[0]] = b[1]);
        return jdbc.sql("""
                SELECT count(*), round(avg(percent), 2), count(completed_at) FROM video_progress
                WHERE video_id = :video AND updated_at >= :from AND updated_at < :to""")
                .param("video", videoId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Watching(rs.getLong(1), rs.getBigDecimal(2), rs.getLong(3),
                        java.util.Arrays.stream(counts).boxed().toList())).single();
    }

    record Viewer(long userId, BigDecimal percent, int watchedSeconds, @Nullable Instant completedAt, Instant updatedAt) {
    }

    /** {@code orderBy} is a whole ORDER BY clause built from mapped sort fields. */
    List<Viewer> viewers(long videoId, @Nullable Boolean completed, String orderBy, long limit, long offset) {
        return jdbc.sql("""
                SELECT user_id, percent, watched_seconds, completed_at, updated_at FROM video_progress
                WHERE video_id = :video AND (CAST(:completed AS boolean) IS NULL OR (completed_at IS NOT NULL) = :completed)
                """ + orderBy + ", user_id LIMIT :limit OFFSET :offset")
                .param("video", videoId).param("completed", completed).param("limit", limit).param("offset", offset)
                .query((rs, n) -> {
                    var completedAt = rs.getTimestamp(4);
                    return new Viewer(rs.getLong(1), rs.getBigDecimal(2), rs.getInt(3), completedAt == null ? null : completedAt.toInstant(),
                            rs.getTimestamp(5).toInstant());
                }).list();
    }

    long countViewers(long videoId, @Nullable Boolean completed) {
        return jdbc.sql("""
                SELECT count(*) FROM video_progress
                WHERE video_id = :video AND (CAST(:completed AS boolean) IS NULL OR (completed_at IS NOT NULL) = :completed)""")
                .param("video", videoId).param("completed", completed).query(Long.class).single();
    }

    record KindTotal(String kind, long videos, long seconds) {
    }

    List<KindTotal> byKind() {
        return jdbc.sql("SELECT kind, count(*), coalesce(sum(duration_seconds), 0) FROM videos GROUP BY kind ORDER BY kind")
                .query((rs, n) -> new KindTotal(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    long bytesStored() {
        return jdbc.sql("SELECT coalesce(sum(size_bytes), 0) FROM videos WHERE source = 'storage'").query(Long.class).single();
    }

    record TopVideo(long id, String slug, String title, long views, long watchSeconds) {
    }

    List<TopVideo> top(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT v.id, v.slug, v.title, sum(d.views) AS views, sum(d.watch_seconds) FROM video_views_daily d JOIN videos v ON v.id = d.video_id
                WHERE d.day BETWEEN :from AND :to GROUP BY v.id ORDER BY views DESC, v.id LIMIT 10""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new TopVideo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5))).list();
    }

    record RoomViews(long roomProductId, long views, long watchSeconds) {
    }

    List<RoomViews> byRoom(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT v.room_product_id, sum(d.views) AS views, sum(d.watch_seconds) FROM video_views_daily d JOIN videos v ON v.id = d.video_id
                WHERE d.day BETWEEN :from AND :to AND v.room_product_id IS NOT NULL GROUP BY v.room_product_id ORDER BY views DESC""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new RoomViews(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }
}
