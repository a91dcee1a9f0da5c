package com.revolutiontradingpros.api.auth.tokens;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.revolutiontradingpros.api.auth.accounts.SecretTokens;
import com.revolutiontradingpros.api.platform.database.Rows;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.PersonalAccessTokenVerifier;
import com.revolutiontradingpros.api.platform.security.Role;

/**
 * Personal access tokens for scripts: shown once, stored as SHA-256. A token acts with its owner's current
 * roles, narrowed to its abilities, and stops working when revoked, expired, or its owner is no longer active.
 */
@Repository
class PersonalAccessTokens implements PersonalAccessTokenVerifier {

    /** last_used_at is written at most this often per token, not on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    PersonalAccessTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<CurrentUser> verify(String token) {
        Instant now = Instant.now(clock);
        return jdbc.sql("""
                SELECT t.id, t.user_id, t.abilities, t.last_used_at, u.roles
                FROM personal_access_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > :now)
                  AND u.status = 'active'""")
                .param("hash", SecretTokens.hash(token)).param("now", Timestamp.from(now))
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    Timestamp lastUsed = rs.getTimestamp("last_used_at");
                    if (lastUsed == null || lastUsed.toInstant().isBefore(now.minus(TOUCH_EVERY))) {
                        touch(id, now);
                    }
                    var roles = new LinkedHashSet<Role>();
                    for (String name : strings(rs.getArray("roles"))) {
                        Role.fromWireName(name).ifPresent(roles::add);
                    }
                    roles.add(Role.MEMBER);
                    return new CurrentUser(rs.getLong("user_id"), null, Set.copyOf(roles), Set.copyOf(strings(rs.getArray("abilities"))));
                })
                .optional();
    }

    Created create(long userId, String name, Set<String> abilities, @Nullable Instant expiresAt) {
        String token = PREFIX + SecretTokens.generate();
        var row = jdbc.sql("""
                INSERT INTO personal_access_tokens (user_id, name, token_hash, abilities, expires_at)
                VALUES (:user, :name, :hash, :abilities, :expires)
                RETURNING id, name, abilities, last_used_at, expires_at, created_at""")
                .param("user", userId).param("name", name).param("hash", SecretTokens.hash(token))
                .param("abilities", abilities.stream().sorted().toArray(String[]::new))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .query(PersonalAccessTokens::view).single();
        return new Created(row, token);
    }

    List<TokenView> list(long userId) {
        return jdbc.sql("SELECT id, name, abilities, last_used_at, expires_at, created_at FROM personal_access_tokens "
                        + "WHERE user_id = :user AND revoked_at IS NULL ORDER BY created_at DESC, id DESC")
                .param("user", userId).query(PersonalAccessTokens::view).list();
    }

    boolean revoke(long userId, long id) {
        return jdbc.sql("UPDATE personal_access_tokens SET revoked_at = :now WHERE id = :id AND user_id = :user AND revoked_at IS NULL")
                .param("now", Timestamp.from(Instant.now(clock))).param("id", id).param("user", userId).update() > 0;
    }

    private void touch(long id, Instant now) {
        jdbc.sql("UPDATE personal_access_tokens SET last_used_at = :now WHERE id = :id").param("now", Timestamp.from(now))
                .param("id", id).update();
    }

    private static TokenView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TokenView(rs.getLong("id"), rs.getString("name"), strings(rs.getArray("abilities")),
                Rows.instant(rs, "last_used_at"), Rows.instant(rs, "expires_at"), rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return List.of((String[]) array.getArray());
    }

    /** A token as listed: never its secret. */
    record TokenView(long id, String name, List<String> abilities, @Nullable Instant lastUsedAt, @Nullable Instant expiresAt,
            Instant createdAt) {
    }

    record Created(TokenView token, String secret) {
    }
}
