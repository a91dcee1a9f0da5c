package com.revolutiontradingpros.api.content.posts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.revolutiontradingpros.api.platform.database.Rows;

/** post_preview_tokens: shareable preview links, stored as SHA-256 of 32 random bytes (rule 14). */
@Repository
class PreviewTokens {

    static final int MAX_UNEXPIRED = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    PreviewTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Token(long id, long postId, long createdBy, Instant createdAt, Instant expiresAt, @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt) {
    }

    record Issued(Token token, String value) {
    }

    /** Empty when the post already has 20 tokens that have not expired. */
    Optional<Issued> issue(long postId, long by, Instant expiresAt) {
        jdbc.sql("SELECT id FROM posts WHERE id = :post FOR UPDATE").param("post", postId).query(Long.class).optional();
        long live = jdbc.sql("SELECT count(*) FROM post_preview_tokens WHERE post_id = :post AND expires_at > now() AND revoked_at IS NULL")
                .param("post", postId).query(Long.class).single();
        if (live >= MAX_UNEXPIRED) {
            return Optional.empty();
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long id = jdbc.sql("""
                INSERT INTO post_preview_tokens (post_id, token_hash, created_by, expires_at) VALUES (:post, :hash, :by, :expires)
                RETURNING id""")
                .param("post", postId).param("hash", sha256(value)).param("by", by).param("expires", Timestamp.from(expiresAt))
                .query(Long.class).single();
        return Optional.of(new Issued(find(postId, id).orElseThrow(), value));
    }

    List<Token> list(long postId) {
        return jdbc.sql(SELECT + " WHERE post_id = :post ORDER BY id DESC").param("post", postId).query((rs, n) -> row(rs)).list();
    }

    long countUnexpired(long postId) {
        return jdbc.sql("SELECT count(*) FROM post_preview_tokens WHERE post_id = :post AND expires_at > now() AND revoked_at IS NULL")
                .param("post", postId).query(Long.class).single();
    }

    Optional<Token> find(long postId, long id) {
        return jdbc.sql(SELECT + " WHERE post_id = :post AND id = :id").param("post", postId).param("id", id).query((rs, n) -> row(rs))
                .optional();
    }

    /** The token a link carries, marking it used. */
    Optional<Token> use(String value) {
        var token = jdbc.sql(SELECT + " WHERE token_hash = :hash").param("hash", sha256(value)).query((rs, n) -> row(rs)).optional();
        token.ifPresent(t -> jdbc.sql("UPDATE post_preview_tokens SET last_used_at = now() WHERE id = :id").param("id", t.id()).update());
        return token;
    }

    boolean revoke(long postId, long id) {
        return jdbc.sql("UPDATE post_preview_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE post_id = :post AND id = :id")
                .param("post", postId).param("id", id).update() == 1;
    }

    private static final String SELECT =
            "SELECT id, post_id, created_by, created_at, expires_at, last_used_at, revoked_at FROM post_preview_tokens";

    private static Token row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Token(rs.getLong("id"), rs.getLong("post_id"), rs.getLong("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), Rows.instant(rs, "last_used_at"), Rows.instant(rs, "revoked_at"));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
