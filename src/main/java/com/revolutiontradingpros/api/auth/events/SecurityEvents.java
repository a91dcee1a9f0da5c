package com.revolutiontradingpros.api.auth.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.platform.paging.PageQuery;

/** The security log: every state change of an account, shown to its owner at /auth/security-log. */
@Repository
public class SecurityEvents {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SecurityEvents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(long userId, String kind, @Nullable ClientInfo client, Map<String, Object> details) {
        jdbc.sql("INSERT INTO security_events (user_id, kind, ip, user_agent, details) "
                        + "VALUES (:user, :kind, CAST(:ip AS inet), :agent, CAST(:details AS jsonb))")
                .param("user", userId).param("kind", kind)
                .param("ip", client == null ? null : client.ip())
                .param("agent", client == null ? null : client.userAgent())
                .param("details", json.writeValueAsString(details))
                .update();
    }

    List<SecurityEvent> list(long userId, PageQuery query) {
        return jdbc.sql("SELECT id, kind, host(ip) AS ip, user_agent, details::text AS details, created_at FROM security_events "
                        + "WHERE user_id = :user" + kindFilter(query) + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("user", userId).param("kind", query.filter("kind").orElse(""))
                .param("limit", query.limit()).param("offset", query.offset())
                .query((rs, n) -> new SecurityEvent(rs.getLong("id"), rs.getString("kind"), rs.getString("ip"),
                        rs.getString("user_agent"), json.readValue(rs.getString("details"), new TypeReference<Map<String, Object>>() { }),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    long count(long userId, PageQuery query) {
        return jdbc.sql("SELECT count(*) FROM security_events WHERE user_id = :user" + kindFilter(query))
                .param("user", userId).param("kind", query.filter("kind").orElse("")).query(Long.class).single();
    }

    private static String kindFilter(PageQuery query) {
        return query.filter("kind").isPresent() ? " AND kind = :kind" : "";
    }

    public record SecurityEvent(long id, String kind, @Nullable String ip, @Nullable String userAgent,
            Map<String, Object> details, Instant createdAt) {
    }

}
