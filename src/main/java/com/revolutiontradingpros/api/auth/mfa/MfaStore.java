package com.revolutiontradingpros.api.auth.mfa;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** mfa_secrets (sealed TOTP seeds, the last step used, hashed recovery codes) and mfa_challenges. */
@Repository
class MfaStore {

    private final JdbcClient jdbc;

    MfaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new seed awaiting confirmation; false when TOTP is already confirmed for the user. */
    boolean savePending(long userId, byte[] sealedSecret) {
        return jdbc.sql("""
                INSERT INTO mfa_secrets (user_id, secret) VALUES (:user, :secret)
                ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, last_used_step = NULL, recovery_codes = '{}'
                WHERE mfa_secrets.confirmed_at IS NULL""")
                .param("user", userId).param("secret", sealedSecret).update() > 0;
    }

    Optional<Secret> find(long userId) {
        return jdbc.sql("SELECT secret, confirmed_at, cardinality(recovery_codes) AS codes FROM mfa_secrets WHERE user_id = :user")
                .param("user", userId)
                .query((rs, n) -> new Secret(rs.getBytes("secret"), rs.getTimestamp("confirmed_at") != null, rs.getInt("codes")))
                .optional();
    }

    /** Records the step of an accepted code; false when that step (or a later one) was already used. */
    boolean useStep(long userId, long step) {
        return jdbc.sql("UPDATE mfa_secrets SET last_used_step = :step WHERE user_id = :user "
                        + "AND (last_used_step IS NULL OR last_used_step < :step)")
                .param("user", userId).param("step", step).update() > 0;
    }

    /** Spends a recovery code; false when it is not one of the user's unused codes. */
    boolean useRecoveryCode(long userId, String codeHash) {
        return jdbc.sql("UPDATE mfa_secrets SET recovery_codes = array_remove(recovery_codes, :hash) "
                        + "WHERE user_id = :user AND confirmed_at IS NOT NULL AND :hash = ANY (recovery_codes)")
                .param("user", userId).param("hash", codeHash).update() > 0;
    }

    void confirm(long userId, List<String> recoveryCodeHashes, Instant now) {
        jdbc.sql("UPDATE mfa_secrets SET confirmed_at = :now, recovery_codes = :codes WHERE user_id = :user")
                .param("now", Timestamp.from(now)).param("codes", recoveryCodeHashes.toArray(String[]::new)).param("user", userId)
                .update();
    }

    void replaceRecoveryCodes(long userId, List<String> recoveryCodeHashes) {
        jdbc.sql("UPDATE mfa_secrets SET recovery_codes = :codes WHERE user_id = :user")
                .param("codes", recoveryCodeHashes.toArray(String[]::new)).param("user", userId).update();
    }

    void delete(long userId) {
        jdbc.sql("DELETE FROM mfa_secrets WHERE user_id = :user").param("user", userId).update();
    }

    void setMfaEnabled(long userId, boolean enabled) {
        jdbc.sql("UPDATE users SET mfa_enabled = :enabled, updated_at = now() WHERE id = :user")
                .param("enabled", enabled).param("user", userId).update();
    }

    void createChallenge(long userId, byte[] tokenHash, @Nullable String userAgent, String ip, Instant expiresAt) {
        jdbc.sql("INSERT INTO mfa_challenges (user_id, token_hash, user_agent, ip, expires_at) "
                        + "VALUES (:user, :hash, :agent, CAST(:ip AS inet), :expires)")
                .param("user", userId).param("hash", tokenHash).param("agent", userAgent).param("ip", ip)
                .param("expires", Timestamp.from(expiresAt)).update();
    }

    /** Counts one try against a live challenge and returns its user, while tries remain. */
    Optional<Long> tryChallenge(byte[] tokenHash, int maxAttempts, Instant now) {
        return jdbc.sql("""
                UPDATE mfa_challenges SET attempts = attempts + 1
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now AND attempts < :max
                RETURNING user_id""")
                .param("hash", tokenHash).param("now", Timestamp.from(now)).param("max", maxAttempts)
                .query(Long.class).optional();
    }

    void spendChallenge(byte[] tokenHash, Instant now) {
        jdbc.sql("UPDATE mfa_challenges SET used_at = :now WHERE token_hash = :hash")
                .param("now", Timestamp.from(now)).param("hash", tokenHash).update();
    }

    record Secret(byte[] sealed, boolean confirmed, int recoveryCodesLeft) {
    }
}
