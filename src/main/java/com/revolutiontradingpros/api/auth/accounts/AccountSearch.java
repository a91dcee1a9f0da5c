package com.revolutiontradingpros.api.auth.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.revolutiontradingpros.api.platform.paging.PageQuery;

/** The staff's account list: filters on role, status, verification and MFA, text search, dates, sorting. */
@Repository
public class AccountSearch {

    private static final Map<String, String> SORTS = Map.of("created_at", "created_at", "last_login_at", "last_login_at",
            "name", "lower(name)", "email", "email");

    private final JdbcClient jdbc;

    AccountSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param only when not null, only these ids (another module's filter, such as a tag, already applied)
     */
    public List<Account> find(PageQuery query, @Nullable Instant createdFrom, @Nullable Instant createdTo, @Nullable Collection<Long> only) {
        var params = params(query, createdFrom, createdTo, only);
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        return jdbc.sql("SELECT id, email::text AS email, email_verified_at, password_hash, name, status, roles, mfa_enabled, failed_logins, "
                        + "locked_until, last_login_at, password_change_required, created_at, updated_at FROM users"
                        + where(query, createdFrom, createdTo, only) + query.orderBy(SORTS, "id DESC") + " LIMIT :limit OFFSET :offset")
                .params(params).query(AccountRepository::row).list();
    }

    public long count(PageQuery query, @Nullable Instant createdFrom, @Nullable Instant createdTo, @Nullable Collection<Long> only) {
        return jdbc.sql("SELECT count(*) FROM users" + where(query, createdFrom, createdTo, only))
                .params(params(query, createdFrom, createdTo, only)).query(Long.class).single();
    }

    private static String where(PageQuery query, @Nullable Instant from, @Nullable Instant to, @Nullable Collection<Long> only) {
        var sql = new StringBuilder(" WHERE ");
        sql.append(query.filter("status").isPresent() ? "status = :status" : "status <> 'deleted'");
        query.filter("role").ifPresent(v -> sql.append(" AND :role = ANY (roles)"));
        query.filter("verified").ifPresent(v -> sql.append(Boolean.parseBoolean(v) ? " AND email_verified_at IS NOT NULL" : " AND email_verified_at IS NULL"));
        query.filter("mfa").ifPresent(v -> sql.append(" AND mfa_enabled = :mfa"));
        query.search().ifPresent(v -> sql.append(" AND (name ILIKE :q OR email::text ILIKE :q)"));
        if (from != null) {
            sql.append(" AND created_at >= :from");
        }
        if (to != null) {
            sql.append(" AND created_at < :to");
        }
        if (only != null) {
            sql.append(" AND id = ANY (:only)");
        }
        return sql.toString();
    }

    private static Map<String, Object> params(PageQuery query, @Nullable Instant from, @Nullable Instant to, @Nullable Collection<Long> only) {
        var params = new HashMap<String, Object>();
        query.filter("status").ifPresent(v -> params.put("status", v));
        query.filter("role").ifPresent(v -> params.put("role", v));
        query.filter("mfa").ifPresent(v -> params.put("mfa", Boolean.parseBoolean(v)));
        query.searchPattern().ifPresent(pattern -> params.put("q", pattern));
        if (from != null) {
            params.put("from", Timestamp.from(from));
        }
        if (to != null) {
            params.put("to", Timestamp.from(to));
        }
        if (only != null) {
            params.put("only", only.toArray(Long[]::new));
        }
        return params;
    }
}
