package com.revolutiontradingpros.api.auth.login;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.revolutiontradingpros.api.platform.paging.PageQuery;

/** Sign-in attempts: the throttle counts failures in a window from here, and admins read them. */
@Repository
class LoginAttempts {

    private final JdbcClient jdbc;

    LoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String email, String ip, boolean succeeded, @Nullable String reason) {
        jdbc.sql("INSERT INTO login_attempts (email, ip, succeeded, reason) VALUES (:email, CAST(:ip AS inet), :ok, :reason)")
                .param("email", email).param("ip", ip).param("ok", succeeded).param("reason", reason).update();
    }

    /** The oldest failure still inside the window, when there are at least {@code limit} of them. */
    Optional<Instant> oldestFailureOverLimit(String column, String value, int limit, Duration window, Instant now) {
        String sql = "SELECT created_at FROM login_attempts WHERE " + ("email".equals(column) ? "email = :value" : "ip = CAST(:value AS inet)")
                + " AND NOT succeeded AND created_at > :since ORDER BY created_at DESC LIMIT :limit";
        List<Instant> failures = jdbc.sql(sql).param("value", value).param("since", Timestamp.from(now.minus(window)))
                .param("limit", limit).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
        return failures.size() >= limit ? Optional.of(failures.get(failures.size() - 1)) : Optional.empty();
    }

    List<Attempt> list(PageQuery query) {
        var params = filters(query);
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        return jdbc.sql("SELECT id, email::text AS email, host(ip) AS ip, succeeded, reason, created_at FROM login_attempts"
                        + where(query) + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new Attempt(rs.getLong("id"), rs.getString("email"), rs.getString("ip"), rs.getBoolean("succeeded"),
                        rs.getString("reason"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    long count(PageQuery query) {
        return jdbc.sql("SELECT count(*) FROM login_attempts" + where(query)).params(filters(query)).query(Long.class).single();
    }

    private static String where(PageQuery query) {
        var sql = new StringBuilder(" WHERE NOT succeeded");
        query.filter("email").ifPresent(v -> sql.append(" AND email = :email"));
        query.filter("ip").ifPresent(v -> sql.append(" AND ip = CAST(:ip AS inet)"));
        query.filter("from").ifPresent(v -> sql.append(" AND created_at >= CAST(:from AS timestamptz)"));
        query.filter("to").ifPresent(v -> sql.append(" AND created_at < CAST(:to AS timestamptz)"));
        return sql.toString();
    }

    private static java.util.HashMap<String, Object> filters(PageQuery query) {
        var params = new java.util.HashMap<String, Object>();
        query.filter("email").ifPresent(v -> params.put("email", v));
        query.filter("ip").ifPresent(v -> params.put("ip", v));
        query.filter("from").ifPresent(v -> params.put("from", v));
        query.filter("to").ifPresent(v -> params.put("to", v));
        return params;
    }

    record Attempt(long id, String email, @Nullable String ip, boolean succeeded, @Nullable String reason, Instant createdAt) {
    }
}
