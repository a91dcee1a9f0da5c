package com.revolutiontradingpros.api.auth.sessions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.revolutiontradingpros.api.auth.accounts.ClientInfo;

@Repository
class SessionRepository {

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, long userId, byte[] tokenHash, UUID familyId, @Nullable UUID parentId, ClientInfo client,
            @Nullable String deviceName, Instant startedAt, Instant now, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO sessions (id, user_id, refresh_token_hash, family_id, parent_id, user_agent, ip, device_name,
                                      started_at, created_at, last_used_at, expires_at)
                VALUES (:id, :user, :hash, :family, :parent, :agent, CAST(:ip AS inet), :device, :started, :now, :now, :expires)""")
                .param("id", id).param("user", userId).param("hash", tokenHash).param("family", familyId)
                .param("parent", parentId).param("agent", client.userAgent()).param("ip", client.ip())
                .param("device", deviceName).param("started", Timestamp.from(startedAt)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** Marks the live row holding this token as rotated, atomically: only one caller can rotate a token. */
    Optional<SessionRow> rotate(byte[] tokenHash, Instant now) {
        return jdbc.sql("""
                UPDATE sessions SET rotated_at = :now, last_used_at = :now
                WHERE refresh_token_hash = :hash AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                RETURNING id, user_id, family_id, device_name, started_at, expires_at, rotated_at, revoked_at""")
                .param("hash", tokenHash).param("now", Timestamp.from(now))
                .query(SessionRepository::row).optional();
    }

    Optional<SessionRow> findByToken(byte[] tokenHash) {
        return jdbc.sql("SELECT id, user_id, family_id, device_name, started_at, expires_at, rotated_at, revoked_at "
                        + "FROM sessions WHERE refresh_token_hash = :hash")
                .param("hash", tokenHash).query(SessionRepository::row).optional();
    }

    /** Revokes every row of the family not yet revoked; for each, whether it was the live (unrotated) one. */
    List<Boolean> revokeFamily(UUID familyId, @Nullable Long userId, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE sessions SET revoked_at = :now, revoked_reason = :reason
                WHERE family_id = :family AND revoked_at IS NULL AND (CAST(:user AS bigint) IS NULL OR user_id = :user)
                RETURNING rotated_at""")
                .param("family", familyId).param("user", userId).param("reason", reason).param("now", Timestamp.from(now))
                .query((rs, n) -> rs.getTimestamp(1) == null)
                .list();
    }

    /** Revokes every live family of the user except one; returns the revoked family ids. */
    List<UUID> revokeAllOf(long userId, @Nullable UUID except, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE sessions SET revoked_at = :now, revoked_reason = :reason
                WHERE user_id = :user AND revoked_at IS NULL AND (CAST(:except AS uuid) IS NULL OR family_id <> :except)
                RETURNING family_id, rotated_at""")
                .param("user", userId).param("except", except).param("reason", reason).param("now", Timestamp.from(now))
                .query((rs, n) -> rs.getTimestamp("rotated_at") == null ? rs.getObject("family_id", UUID.class) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The user's live sessions: the newest row of each family. */
    List<LiveSession> live(long userId, Instant now) {
        return jdbc.sql("""
                SELECT family_id, device_name, user_agent, host(ip) AS ip, started_at, last_used_at, expires_at
                FROM sessions WHERE user_id = :user AND revoked_at IS NULL AND rotated_at IS NULL AND expires_at > :now
                ORDER BY last_used_at DESC""")
                .param("user", userId).param("now", Timestamp.from(now))
                .query((rs, n) -> new LiveSession(rs.getObject("family_id", UUID.class), rs.getString("device_name"),
                        rs.getString("user_agent"), rs.getString("ip"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("last_used_at").toInstant(), rs.getTimestamp("expires_at").toInstant()))
                .list();
    }

    boolean rename(long userId, UUID familyId, String name) {
        return jdbc.sql("UPDATE sessions SET device_name = :name WHERE user_id = :user AND family_id = :family AND revoked_at IS NULL")
                .param("name", name).param("user", userId).param("family", familyId).update() > 0;
    }

    boolean knownDevice(long userId, @Nullable String userAgent) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM sessions WHERE user_id = :user AND user_agent IS NOT DISTINCT FROM CAST(:agent AS text))")
                .param("user", userId).param("agent", userAgent).query(Boolean.class).single();
    }

    private static SessionRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SessionRow(rs.getObject("id", UUID.class), rs.getLong("user_id"), rs.getObject("family_id", UUID.class),
                rs.getString("device_name"), rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("rotated_at") != null, rs.getTimestamp("revoked_at") != null);
    }

    record SessionRow(UUID id, long userId, UUID familyId, @Nullable String deviceName, Instant startedAt, Instant expiresAt,
            boolean rotated, boolean revoked) {
    }

    record LiveSession(UUID id, @Nullable String deviceName, @Nullable String userAgent, @Nullable String ip,
            Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
    }
}
