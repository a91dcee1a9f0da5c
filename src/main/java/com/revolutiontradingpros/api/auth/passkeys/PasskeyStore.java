package com.revolutiontradingpros.api.auth.passkeys;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** webauthn_credentials and webauthn_challenges. */
@Repository
class PasskeyStore {

    private final JdbcClient jdbc;

    PasskeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveChallenge(@Nullable Long userId, byte[] challenge, String kind, Instant expiresAt) {
        jdbc.sql("INSERT INTO webauthn_challenges (id, user_id, challenge, kind, expires_at) VALUES (:id, :user, :challenge, :kind, :expires)")
                .param("id", UUID.randomUUID()).param("user", userId).param("challenge", challenge).param("kind", kind)
                .param("expires", Timestamp.from(expiresAt)).update();
    }

    /** Takes a live challenge out of the store: each works once. Returns its user (0 when it had none). */
    Optional<Long> takeChallenge(byte[] challenge, String kind, Instant now) {
        return jdbc.sql("DELETE FROM webauthn_challenges WHERE challenge = :challenge AND kind = :kind AND expires_at > :now "
                        + "RETURNING COALESCE(user_id, 0)")
                .param("challenge", challenge).param("kind", kind).param("now", Timestamp.from(now))
                .query(Long.class).optional();
    }

    long insert(long userId, byte[] credentialId, byte[] attestedCredentialData, long signCount, @Nullable UUID aaguid,
            List<String> transports, String name, boolean backedUp) {
        return jdbc.sql("""
                INSERT INTO webauthn_credentials (user_id, credential_id, public_key, sign_count, aaguid, transports, name, backed_up)
                VALUES (:user, :credential, :key, :count, :aaguid, :transports, :name, :backedUp) RETURNING id""")
                .param("user", userId).param("credential", credentialId).param("key", attestedCredentialData)
                .param("count", signCount).param("aaguid", aaguid).param("transports", transports.toArray(String[]::new))
                .param("name", name).param("backedUp", backedUp)
                .query(Long.class).single();
    }

    Optional<Credential> findByCredentialId(byte[] credentialId) {
        return jdbc.sql("SELECT id, user_id, credential_id, public_key, sign_count FROM webauthn_credentials WHERE credential_id = :credential")
                .param("credential", credentialId)
                .query((rs, n) -> new Credential(rs.getLong("id"), rs.getLong("user_id"), rs.getBytes("credential_id"),
                        rs.getBytes("public_key"), rs.getLong("sign_count")))
                .optional();
    }

    List<byte[]> credentialIds(long userId) {
        return jdbc.sql("SELECT credential_id FROM webauthn_credentials WHERE user_id = :user").param("user", userId)
                .query((rs, n) -> rs.getBytes(1)).list();
    }

    void used(long id, long signCount, Instant now) {
        jdbc.sql("UPDATE webauthn_credentials SET sign_count = :count, last_used_at = :now WHERE id = :id")
                .param("count", signCount).param("now", Timestamp.from(now)).param("id", id).update();
    }

    List<PasskeyView> list(long userId) {
        return jdbc.sql("SELECT id, name, created_at, last_used_at, backed_up, transports FROM webauthn_credentials "
                        + "WHERE user_id = :user ORDER BY created_at DESC, id DESC")
                .param("user", userId)
                .query((rs, n) -> new PasskeyView(rs.getLong("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant(),
                        rs.getBoolean("backed_up"), List.of((String[]) rs.getArray("transports").getArray())))
                .list();
    }

    boolean rename(long userId, long id, String name) {
        return jdbc.sql("UPDATE webauthn_credentials SET name = :name WHERE id = :id AND user_id = :user")
                .param("name", name).param("id", id).param("user", userId).update() > 0;
    }

    boolean delete(long userId, long id) {
        return jdbc.sql("DELETE FROM webauthn_credentials WHERE id = :id AND user_id = :user").param("id", id).param("user", userId).update() > 0;
    }

    int count(long userId) {
        return jdbc.sql("SELECT count(*) FROM webauthn_credentials WHERE user_id = :user").param("user", userId).query(Integer.class).single();
    }

    record Credential(long id, long userId, byte[] credentialId, byte[] attestedCredentialData, long signCount) {
    }

    record PasskeyView(long id, String name, Instant createdAt, @Nullable Instant lastUsedAt, boolean backedUp, List<String> transports) {
    }
}
