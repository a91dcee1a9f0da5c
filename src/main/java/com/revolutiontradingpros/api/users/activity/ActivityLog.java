package com.revolutiontradingpros.api.users.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.platform.paging.PageQuery;

/** Who did what to an account, with the fields a change touched (before and after). */
@Repository
public class ActivityLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ActivityLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(long userId, @Nullable Long actorId, String action, Map<String, Object> meta, @Nullable String ip) {
        jdbc.sql("INSERT INTO activity_log (user_id, actor_id, action, subject_type, subject_id, meta, ip) "
                        + "VALUES (:user, :actor, :action, 'user', :subject, CAST(:meta AS jsonb), CAST(:ip AS inet))")
                .param("user", userId).param("actor", actorId).param("action", action).param("subject", Long.toString(userId))
                .param("meta", json.writeValueAsString(meta)).param("ip", ip).update();
    }

    public List<Entry> list(long userId, PageQuery query) {
        return jdbc.sql("SELECT id, actor_id, action, subject_type, subject_id, meta::text AS meta, host(ip) AS ip, created_at "
                        + "FROM activity_log WHERE user_id = :user" + filter(query) + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("user", userId).param("action", query.filter("action").orElse(""))
                .param("limit", query.limit()).param("offset", query.offset())
                .query((rs, n) -> new Entry(rs.getLong("id"), (Long) rs.getObject("actor_id"), rs.getString("action"),
                        rs.getString("subject_type"), rs.getString("subject_id"),
                        json.readValue(rs.getString("meta"), new TypeReference<Map<String, Object>>() { }), rs.getString("ip"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public long count(long userId, PageQuery query) {
        return jdbc.sql("SELECT count(*) FROM activity_log WHERE user_id = :user" + filter(query))
                .param("user", userId).param("action", query.filter("action").orElse("")).query(Long.class).single();
    }

    private static String filter(PageQuery query) {
        return query.filter("action").isPresent() ? " AND action = :action" : "";
    }

    public record Entry(long id, @Nullable Long actorId, String action, @Nullable String subjectType, @Nullable String subjectId,
            Map<String, Object> meta, @Nullable String ip, Instant createdAt) {
    }
}
