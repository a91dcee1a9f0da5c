package com.revolutiontradingpros.api.users.notes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserNotes {

    private final JdbcClient jdbc;

    UserNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Note> of(long userId) {
        return jdbc.sql("SELECT id, user_id, author_id, body, pinned, created_at, updated_at FROM user_notes WHERE user_id = :user "
                        + "ORDER BY pinned DESC, created_at DESC, id DESC")
                .param("user", userId).query(UserNotes::row).list();
    }

    public long count(long userId) {
        return jdbc.sql("SELECT count(*) FROM user_notes WHERE user_id = :user").param("user", userId).query(Long.class).single();
    }

    Note add(long userId, long authorId, String body, boolean pinned) {
        return jdbc.sql("INSERT INTO user_notes (user_id, author_id, body, pinned) VALUES (:user, :author, :body, :pinned) "
                        + "RETURNING id, user_id, author_id, body, pinned, created_at, updated_at")
                .param("user", userId).param("author", authorId).param("body", body).param("pinned", pinned)
                .query(UserNotes::row).single();
    }

    Optional<Note> find(long userId, long noteId) {
        return jdbc.sql("SELECT id, user_id, author_id, body, pinned, created_at, updated_at FROM user_notes WHERE id = :id AND user_id = :user")
                .param("id", noteId).param("user", userId).query(UserNotes::row).optional();
    }

    Note update(long noteId, String body, boolean pinned) {
        return jdbc.sql("UPDATE user_notes SET body = :body, pinned = :pinned, updated_at = now() WHERE id = :id "
                        + "RETURNING id, user_id, author_id, body, pinned, created_at, updated_at")
                .param("body", body).param("pinned", pinned).param("id", noteId).query(UserNotes::row).single();
    }

    boolean delete(long userId, long noteId) {
        return jdbc.sql("DELETE FROM user_notes WHERE id = :id AND user_id = :user").param("id", noteId).param("user", userId).update() > 0;
    }

    private static Note row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Note(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("author_id"), rs.getString("body"), rs.getBoolean("pinned"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    record Note(long id, long userId, long authorId, String body, boolean pinned, Instant createdAt, Instant updatedAt) {
    }
}
