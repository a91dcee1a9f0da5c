package com.revolutiontradingpros.api.content.videos;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProgressRepository {

    private static final String COLUMNS = "user_id, video_id, position_seconds, max_position_seconds, watched_seconds, percent, completed_at, updated_at";

    private final JdbcClient jdbc;

    ProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Progress(long userId, long videoId, int positionSeconds, int maxPositionSeconds, int watchedSeconds, BigDecimal percent,
            @Nullable Instant completedAt, Instant updatedAt) {
    }

    Optional<Progress> find(long userId, long videoId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM video_progress WHERE user_id = :user AND video_id = :video")
                .param("user", userId).param("video", videoId).query((rs, n) -> row(rs)).optional();
    }

    Optional<Progress> findForUpdate(long userId, long videoId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM video_progress WHERE user_id = :user AND video_id = :video FOR UPDATE")
                .param("user", userId).param("video", videoId).query((rs, n) -> row(rs)).optional();
    }

    void save(Progress p) {
        jdbc.sql("""
                INSERT INTO video_progress (user_id, video_id, position_seconds, max_position_seconds, watched_seconds, percent, completed_at, updated_at)
                VALUES (:user, :video, :position, :max, :watched, :percent, :completed, :updated)
                ON CONFLICT (user_id, video_id) DO UPDATE SET position_seconds = excluded.position_seconds,
                    max_position_seconds = excluded.max_position_seconds, watched_seconds = excluded.watched_seconds,
                    percent = excluded.percent, completed_at = excluded.completed_at, updated_at = excluded.updated_at""")
                .param("user", p.userId()).param("video", p.videoId()).param("position", p.positionSeconds())
                .param("max", p.maxPositionSeconds()).param("watched", p.watchedSeconds()).param("percent", p.percent())
                .param("completed", p.completedAt() == null ? null : Timestamp.from(p.completedAt()))
                .param("updated", Timestamp.from(p.updatedAt())).update();
    }

    boolean delete(long userId, long videoId) {
        return jdbc.sql("DELETE FROM video_progress WHERE user_id = :user AND video_id = :video").param("user", userId).param("video", videoId)
                .update() == 1;
    }

    /** Started, unfinished videos that are still published, last watched first (at most 1,000: access is checked after). */
    List<Progress> inProgress(long userId) {
        return jdbc.sql("SELECT p." + COLUMNS.replace(", ", ", p.") + """
                 FROM video_progress p JOIN videos v ON v.id = p.video_id
                WHERE p.user_id = :user AND p.percent >= 5 AND p.percent < 90 AND p.completed_at IS NULL AND v.status = 'published'
                ORDER BY p.updated_at DESC LIMIT 1000""").param("user", userId).query((rs, n) -> row(rs)).list();
    }

    /** Watch time counts toward the day's row of the video's stats. */
    void addWatchSeconds(long videoId, LocalDate day, int seconds) {
        jdbc.sql("""
                INSERT INTO video_views_daily (video_id, day, watch_seconds) VALUES (:video, :day, :seconds)
                ON CONFLICT (video_id, day) DO UPDATE SET watch_seconds = video_views_daily.watch_seconds + excluded.watch_seconds""")
                .param("video", videoId).param("day", java.sql.Date.valueOf(day)).param("seconds", seconds).update();
    }

    private static Progress row(ResultSet rs) throws SQLException {
        var completed = rs.getTimestamp("completed_at");
        return new Progress(rs.getLong("user_id"), rs.getLong("video_id"), rs.getInt("position_seconds"), rs.getInt("max_position_seconds"),
                rs.getInt("watched_seconds"), rs.getBigDecimal("percent"), completed == null ? null : completed.toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
