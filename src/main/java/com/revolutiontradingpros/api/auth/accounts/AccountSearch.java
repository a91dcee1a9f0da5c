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

import com.revolutiontradingpros.api.auth.AccountStats;
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

    /** Every matching account in the query's order, fed to {@code each} from a cursor: memory stays flat for any count. */
    public void stream(PageQuery query, @Nullable Instant createdFrom, @Nullable Instant createdTo, @Nullable Collection<Long> only,
            java.util.function.Consumer<Account> each) {
        jdbc.sql("SELECT id, email::text AS email, email_verified_at, password_hash, name, status, roles, mfa_enabled, failed_logins, "
                        + "locked_until, last_login_at, password_change_required, created_at, updated_at FROM users"
                        + where(query, createdFrom, createdTo, only) + query.orderBy(SORTS, "id DESC"))
                .params(params(query, createdFrom, createdTo, only))
                .withFetchSize(1000)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(AccountRepository.row(rs, 0)));
    }

    public long count(PageQuery query, @Nullable Instant createdFrom, @Nullable Instant createdTo, @Nullable Collection<Long> only) {
        return jdbc.sql("SELECT count(*) FROM users" + where(query, createdFrom, createdTo, only))
                .params(params(query, createdFrom, createdTo, only)).query(Long.class).single();
    }

    /** Counts for the staff dashboard: by role and status, sign-ups per day in a range, verification and MFA shares. */
    public AccountStats stats(Instant from, Instant to) {
        var byStatus = new java.util.TreeMap<String, Long>();
        jdbc.sql("SELECT status, count(*) AS n FROM users GROUP BY status")
                .query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list()
                .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
        var byRole = new java.util.TreeMap<String, Long>();
        jdbc.sql("SELECT role, count(*) AS n FROM users, unnest(roles) AS role WHERE status <> 'deleted' GROUP BY role")
                .query((rs, n) -> Map.entry(rs.getString("role"), rs.getLong("n"))).list()
                .forEach(e -> byRole.put(e.getKey(), e.getValue()));
        var shares = jdbc.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE email_verified_at IS NOT NULL) AS verified,
                       count(*) FILTER (WHERE mfa_enabled) AS mfa
                FROM users WHERE status <> 'deleted'""")
                .query((rs, n) -> new long[] {rs.getLong("total"), rs.getLong("verified"), rs.getLong("mfa")}).single();
        var signups = jdbc.sql("""
                SELECT d::date AS day, count(u.id) AS n
                FROM generate_series(CAST(:from AS timestamptz), CAST(:to AS timestamptz) - interval '1 day', interval '1 day') AS d
                LEFT JOIN users u ON u.created_at >= d AND u.created_at < d + interval '1 day'
                GROUP BY d ORDER BY d""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new AccountStats.DailyCount(rs.getDate("day").toLocalDate(), rs.getLong("n"))).list();
        return new AccountStats(byRole, byStatus, signups, percent(shares[1], shares[0]), percent(shares[2], shares[0]));
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
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
