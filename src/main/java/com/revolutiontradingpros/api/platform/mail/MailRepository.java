package com.revolutiontradingpros.api.platform.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.platform.database.Rows;
import com.revolutiontradingpros.api.platform.paging.PageQuery;

@Repository
class MailRepository {

    private static final String COLUMNS = """
            id, to_address, from_address, reply_to, subject, text_body, html_body, stream, tag, metadata::text AS metadata,
            transport, status, attempts, next_attempt_at, last_error, provider_message_id, created_at, sent_at""";
    private static final Map<String, String> SORTS = Map.of("created_at", "created_at", "sent_at", "sent_at",
            "to", "lower(to_address)", "status", "status");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MailRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(MailMessage message, String from, String transport, Instant now) {
        return jdbc.sql("""
                INSERT INTO mail_messages (to_address, from_address, reply_to, subject, text_body, html_body, stream, tag,
                                           metadata, transport, status, next_attempt_at, created_at)
                VALUES (:to, :from, :replyTo, :subject, :text, :html, :stream, :tag, CAST(:metadata AS jsonb), :transport,
                        'queued', :now, :now)
                RETURNING id""")
                .param("to", message.to())
                .param("from", from)
                .param("replyTo", message.replyTo())
                .param("subject", message.subject())
                .param("text", message.textBody())
                .param("html", message.htmlBody())
                .param("stream", message.stream())
                .param("tag", message.tag())
                .param("metadata", json.writeValueAsString(message.metadata()))
                .param("transport", transport)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /**
     * Takes up to {@code limit} due messages (or the one with {@code id}) for this node: their next attempt moves a
     * lease into the future, so a node that dies mid-send leaves them to be taken again once the lease ends.
     */
    List<StoredMail> claim(@Nullable Long id, int limit, Instant now, Duration lease) {
        return jdbc.sql("""
                UPDATE mail_messages SET attempts = attempts + 1, next_attempt_at = :leaseEnd
                WHERE id IN (SELECT id FROM mail_messages
                             WHERE status = 'queued' AND next_attempt_at <= :now AND (CAST(:id AS bigint) IS NULL OR id = :id)
                             ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING""" + " " + COLUMNS)
                .param("id", id)
                .param("limit", limit)
                .param("now", Timestamp.from(now))
                .param("leaseEnd", Timestamp.from(now.plus(lease)))
                .query(this::row)
                .list();
    }

    void markDelivered(long id, boolean stored, @Nullable String providerMessageId, Instant now) {
        jdbc.sql("""
                UPDATE mail_messages SET status = :status, provider_message_id = :providerId, sent_at = :now,
                                         next_attempt_at = NULL, last_error = NULL
                WHERE id = :id""")
                .param("status", stored ? "stored" : "sent")
                .param("providerId", providerMessageId)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    void markRetry(long id, String error, Instant nextAttemptAt) {
        jdbc.sql("UPDATE mail_messages SET last_error = :error, next_attempt_at = :next WHERE id = :id")
                .param("error", error)
                .param("next", Timestamp.from(nextAttemptAt))
                .param("id", id)
                .update();
    }

    void markFailed(long id, String error) {
        jdbc.sql("UPDATE mail_messages SET status = 'failed', last_error = :error, next_attempt_at = NULL WHERE id = :id")
                .param("error", error)
                .param("id", id)
                .update();
    }

    Optional<StoredMail> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_messages WHERE id = :id").param("id", id).query(this::row).optional();
    }

    List<StoredMail> list(PageQuery query) {
        var params = filters(query);
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_messages" + where(query)
                        + query.orderBy(SORTS, "id DESC") + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query(this::row)
                .list();
    }

    long count(PageQuery query) {
        return jdbc.sql("SELECT count(*) FROM mail_messages" + where(query)).params(filters(query))
                .query(Long.class).single();
    }

    private static String where(PageQuery query) {
        var clauses = new StringBuilder(" WHERE true");
        query.filter("status").ifPresent(value -> clauses.append(" AND status = :status"));
        query.filter("tag").ifPresent(value -> clauses.append(" AND tag = :tag"));
        query.filter("to").ifPresent(value -> clauses.append(" AND lower(to_address) = lower(:to)"));
        query.filter("transport").ifPresent(value -> clauses.append(" AND transport = :transport"));
        query.search().ifPresent(value -> clauses.append(" AND (subject ILIKE :q OR to_address ILIKE :q)"));
        return clauses.toString();
    }

    private static java.util.HashMap<String, Object> filters(PageQuery query) {
        var params = new java.util.HashMap<String, Object>();
        query.filter("status").ifPresent(value -> params.put("status", value));
        query.filter("tag").ifPresent(value -> params.put("tag", value));
        query.filter("to").ifPresent(value -> params.put("to", value));
        query.filter("transport").ifPresent(value -> params.put("transport", value));
        query.searchPattern().ifPresent(pattern -> params.put("q", pattern));
        return params;
    }

    private StoredMail row(ResultSet rs, int rowNum) throws SQLException {
        return new StoredMail(rs.getLong("id"), rs.getString("to_address"), rs.getString("from_address"),
                rs.getString("reply_to"), rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                rs.getString("stream"), rs.getString("tag"),
                json.readValue(rs.getString("metadata"), new TypeReference<Map<String, String>>() { }),
                rs.getString("transport"), rs.getString("status"), rs.getInt("attempts"),
                Rows.instant(rs, "next_attempt_at"), rs.getString("last_error"),
                rs.getString("provider_message_id"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "sent_at"));
    }
}
