package com.revolutiontradingpros.api.platform.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class IdempotencyKeys {

    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IdempotencyKeys(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** True when this call now owns the key; false when another request already holds it. */
    boolean claim(String scope, String key, String method, String path, byte[] requestHash, Instant expiresAt) {
        return jdbc.sql("""
                INSERT INTO idempotency_keys (scope, idempotency_key, method, path, request_hash, expires_at)
                VALUES (:scope, :key, :method, :path, :hash, :expiresAt)
                ON CONFLICT (scope, idempotency_key) DO NOTHING
                """)
                .param("scope", scope).param("key", key).param("method", method).param("path", path)
                .param("hash", requestHash).param("expiresAt", Timestamp.from(expiresAt))
                .update() == 1;
    }

    Optional<StoredResponse> find(String scope, String key) {
        return jdbc.sql("""
                SELECT request_hash, status, response_headers::text AS headers, response_body, created_at, expires_at
                FROM idempotency_keys WHERE scope = :scope AND idempotency_key = :key
                """)
                .param("scope", scope).param("key", key)
                .query((rs, n) -> {
                    String headers = rs.getString("headers");
                    byte[] body = rs.getBytes("response_body");
                    return new StoredResponse(
                            rs.getBytes("request_hash"),
                            (Integer) rs.getObject("status"),
                            headers == null ? Map.of() : json.readValue(headers, HEADERS),
                            body == null ? new byte[0] : body,
                            rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("expires_at").toInstant());
                })
                .optional();
    }

    void complete(String scope, String key, int status, Map<String, String> headers, byte[] body) {
        jdbc.sql("""
                UPDATE idempotency_keys SET status = :status, response_headers = :headers::jsonb, response_body = :body
                WHERE scope = :scope AND idempotency_key = :key
                """)
                .param("status", status).param("headers", json.writeValueAsString(headers)).param("body", body)
                .param("scope", scope).param("key", key)
                .update();
    }

    void release(String scope, String key) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE scope = :scope AND idempotency_key = :key")
                .param("scope", scope).param("key", key).update();
    }

    int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE expires_at < :now")
                .param("now", Timestamp.from(now)).update();
    }
}
