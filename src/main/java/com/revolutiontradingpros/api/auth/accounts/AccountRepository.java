package com.revolutiontradingpros.api.auth.accounts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.revolutiontradingpros.api.auth.ImportedAccount;
import com.revolutiontradingpros.api.platform.database.Rows;

@Repository
public class AccountRepository {

    private static final String COLUMNS = """
            id, email::text AS email, email_verified_at, password_hash, name, status, roles, mfa_enabled, failed_logins,
            locked_until, last_login_at, password_change_required, created_at, updated_at""";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id").param("id", id).query(AccountRepository::row).optional();
    }

    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email").param("email", email)
                .query(AccountRepository::row).optional();
    }

    /** The new member, or empty when the email is taken. */
    public Optional<Account> insertMember(String email, String passwordHash, String name) {
        return jdbc.sql("INSERT INTO users (email, password_hash, name) VALUES (:email, :hash, :name) "
                        + "ON CONFLICT (email) DO NOTHING RETURNING " + COLUMNS)
                .param("email", email).param("hash", passwordHash).param("name", name)
                .query(AccountRepository::row).optional();
    }

    /** Clears the failure count and stores a re-hashed password; {@code now} null leaves last_login_at (MFA still owed). */
    public void recordSuccessfulLogin(long id, @Nullable String rehashed, @Nullable Instant now) {
        jdbc.sql("""
                UPDATE users SET failed_logins = 0, locked_until = NULL,
                                 last_login_at = COALESCE(CAST(:now AS timestamptz), last_login_at),
                                 password_hash = COALESCE(CAST(:hash AS text), password_hash),
                                 updated_at = CASE WHEN CAST(:hash AS text) IS NULL THEN updated_at ELSE now() END
                WHERE id = :id""")
                .param("id", id).param("hash", rehashed).param("now", now == null ? null : Timestamp.from(now)).update();
    }

    /** Counts a failure; returns the consecutive count after it. Reaching {@code lockAfter} locks until {@code lockUntil}. */
    public int recordFailedLogin(long id, int lockAfter, Instant lockUntil) {
        return jdbc.sql("""
                UPDATE users SET failed_logins = failed_logins + 1,
                                 locked_until = CASE WHEN failed_logins + 1 >= :lockAfter THEN :lockUntil ELSE locked_until END
                WHERE id = :id RETURNING failed_logins""")
                .param("id", id).param("lockAfter", lockAfter).param("lockUntil", Timestamp.from(lockUntil))
                .query(Integer.class).single();
    }

    /** A staff-created account without a password yet; empty when the email is taken. */
    public Optional<Account> insert(String email, String name, List<String> roles) {
        return jdbc.sql("INSERT INTO users (email, name, roles, password_change_required) VALUES (:email, :name, :roles, true) "
                        + "ON CONFLICT (email) DO NOTHING RETURNING " + COLUMNS)
                .param("email", email).param("name", name).param("roles", roles.toArray(String[]::new))
                .query(AccountRepository::row).optional();
    }

    /** Bulk upsert of imported accounts; emails the statement did not touch are unchanged. */
    public Map<String, ImportedAccount.Outcome> upsertImported(
            List<ImportedAccount> rows) {
        var result = new LinkedHashMap<String, ImportedAccount.Outcome>();
        rows.forEach(row -> result.put(row.email(), ImportedAccount.Outcome.UNCHANGED));
        if (rows.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                INSERT INTO users (email, name, roles, password_hash)
                SELECT r.email, r.name, string_to_array(r.roles, ' '), r.hash
                FROM unnest(CAST(:emails AS text[]), CAST(:names AS text[]), CAST(:roles AS text[]), CAST(:hashes AS text[]))
                     AS r(email, name, roles, hash)
                ON CONFLICT (email) DO UPDATE SET
                    name = EXCLUDED.name,
                    roles = CASE WHEN users.roles && ARRAY['admin', 'super_admin'] THEN users.roles ELSE EXCLUDED.roles END,
                    password_hash = COALESCE(users.password_hash, EXCLUDED.password_hash),
                    updated_at = now()
                WHERE users.name IS DISTINCT FROM EXCLUDED.name
                   OR (NOT users.roles && ARRAY['admin', 'super_admin'] AND users.roles IS DISTINCT FROM EXCLUDED.roles)
                   OR (users.password_hash IS NULL AND EXCLUDED.password_hash IS NOT NULL)
                RETURNING email::text AS email, (xmax = 0) AS inserted""")
                .param("emails", rows.stream().map(ImportedAccount::email).toArray(String[]::new))
                .param("names", rows.stream().map(ImportedAccount::name).toArray(String[]::new))
                .param("roles", rows.stream().map(row -> String.join(" ", row.roles())).toArray(String[]::new))
                .param("hashes", rows.stream().map(ImportedAccount::passwordHash).toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString("email"), rs.getBoolean("inserted")))
                .list()
                .forEach(entry -> result.put(entry.getKey(), entry.getValue()
                        ? ImportedAccount.Outcome.CREATED
                        : ImportedAccount.Outcome.UPDATED));
        return result;
    }

    public Map<String, Long> idsByEmail(java.util.Collection<String> emails) {
        var ids = new LinkedHashMap<String, Long>();
        jdbc.sql("SELECT lower(email::text) AS email, id FROM users WHERE email = ANY (CAST(:emails AS citext[]))")
                .param("emails", emails.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString("email"), rs.getLong("id"))).list()
                .forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
        return ids;
    }

    /** Changes the email (unverified again); false when another account has it. */
    public boolean changeEmail(long id, String email) {
        return jdbc.sql("UPDATE users SET email = :email, email_verified_at = NULL, updated_at = now() "
                        + "WHERE id = :id AND NOT EXISTS (SELECT 1 FROM users WHERE email = :email AND id <> :id)")
                .param("email", email).param("id", id).update() > 0;
    }

    public void setRoles(long id, List<String> roles) {
        jdbc.sql("UPDATE users SET roles = :roles, updated_at = now() WHERE id = :id")
                .param("roles", roles.toArray(String[]::new)).param("id", id).update();
    }

    /** Moves an account between active, suspended and deleted; deleted_at follows (set on delete, cleared otherwise). */
    public void setStatus(long id, String status) {
        jdbc.sql("UPDATE users SET status = :status, deleted_at = CASE WHEN :status = 'deleted' THEN now() ELSE NULL END, "
                        + "updated_at = now() WHERE id = :id")
                .param("status", status).param("id", id).update();
    }

    public boolean deletedBefore(long id, Instant cutoff) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE id = :id AND deleted_at < :cutoff)")
                .param("id", id).param("cutoff", Timestamp.from(cutoff)).query(Boolean.class).single();
    }

    public long activeSuperAdmins() {
        return jdbc.sql("SELECT count(*) FROM users WHERE 'super_admin' = ANY (roles) AND status = 'active'").query(Long.class).single();
    }

    public boolean rename(long id, String name) {
        return jdbc.sql("UPDATE users SET name = :name, updated_at = now() WHERE id = :id").param("name", name).param("id", id).update() > 0;
    }

    public void unlock(long id) {
        jdbc.sql("UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = :id").param("id", id).update();
    }

    public void updatePassword(long id, String passwordHash, Instant now) {
        jdbc.sql("UPDATE users SET password_hash = :hash, password_change_required = false, failed_logins = 0, "
                        + "locked_until = NULL, updated_at = :now WHERE id = :id")
                .param("hash", passwordHash).param("now", Timestamp.from(now)).param("id", id).update();
    }

    public void forceEmailVerified(long id) {
        jdbc.sql("UPDATE users SET email_verified_at = COALESCE(email_verified_at, now()), updated_at = now() WHERE id = :id")
                .param("id", id).update();
    }

    /** Marks the email verified when it is still the account's email; true when it changed anything. */
    public boolean markEmailVerified(long id, String email, Instant now) {
        return jdbc.sql("UPDATE users SET email_verified_at = :now, updated_at = :now "
                        + "WHERE id = :id AND email = :email AND email_verified_at IS NULL")
                .param("id", id).param("email", email).param("now", Timestamp.from(now)).update() > 0;
    }

    static Account row(ResultSet rs, int rowNum) throws SQLException {
        Array roles = rs.getArray("roles");
        return new Account(rs.getLong("id"), rs.getString("email"), Rows.instant(rs, "email_verified_at"),
                rs.getString("password_hash"), rs.getString("name"), rs.getString("status"),
                List.of((String[]) roles.getArray()), rs.getBoolean("mfa_enabled"), rs.getInt("failed_logins"),
                Rows.instant(rs, "locked_until"), Rows.instant(rs, "last_login_at"),
                rs.getBoolean("password_change_required"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
