package com.revolutiontradingpros.api.content.videos;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CaptionRepository {

    private final JdbcClient jdbc;

    CaptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Track(long videoId, String lang, String label, String storageKey, boolean isDefault, Instant createdAt) {
    }

    List<Track> list(long videoId) {
        return jdbc.sql("SELECT video_id, lang, label, storage_key, is_default, created_at FROM video_captions WHERE video_id = :id ORDER BY lang")
                .param("id", videoId).query((rs, n) -> new Track(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getTimestamp(6).toInstant())).list();
    }

    Optional<Track> find(long videoId, String lang) {
        return list(videoId).stream().filter(track -> track.lang().equalsIgnoreCase(lang)).findFirst();
    }

    /** Creates or replaces the track; a new default clears the previous one first (one default per video). */
    void put(long videoId, String lang, String label, String storageKey, boolean isDefault) {
        if (isDefault) {
            jdbc.sql("UPDATE video_captions SET is_default = false WHERE video_id = :id AND is_default").param("id", videoId).update();
        }
        jdbc.sql("""
                INSERT INTO video_captions (video_id, lang, label, storage_key, is_default) VALUES (:id, :lang, :label, :key, :default)
                ON CONFLICT (video_id, lang) DO UPDATE SET label = excluded.label, storage_key = excluded.storage_key,
                    is_default = excluded.is_default, created_at = now()""")
                .param("id", videoId).param("lang", lang).param("label", label).param("key", storageKey).param("default", isDefault).update();
    }

    void delete(long videoId, String lang) {
        jdbc.sql("DELETE FROM video_captions WHERE video_id = :id AND lang = :lang").param("id", videoId).param("lang", lang).update();
    }
}
