package com.revolutiontradingpros.api.email.contacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.revolutiontradingpros.api.platform.database.Rows;

/** email_subscribers rows. The {@code lock…} reads take the row lock every change of a contact starts with. */
@Repository
public class ContactRepository {

    private static final String COLUMNS = """
            id, email::text AS email, name, status, source, user_id, token_version, unsubscribed_at, created_at, updated_at""";

    private final JdbcClient jdbc;

    ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Contact> findForUser(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM email_subscribers WHERE user_id = :user").param("user", userId)
                .query(ContactRepository::row).optional();
    }

    public Optional<Contact> lockForUser(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM email_subscribers WHERE user_id = :user FOR UPDATE").param("user", userId)
                .query(ContactRepository::row).optional();
    }

    public Optional<Contact> lockByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM email_subscribers WHERE email = :email FOR UPDATE").param("email", email)
                .query(ContactRepository::row).optional();
    }

    /** A new subscribed contact, or empty when the address (or the user) already has one. */
    public Optional<Long> insert(String email, @Nullable String name, String source, @Nullable Long userId) {
        return jdbc.sql("""
                INSERT INTO email_subscribers (email, email_hash, name, source, user_id) VALUES (:email, :hash, :name, :source, :user)
                ON CONFLICT DO NOTHING RETURNING id""")
                .param("email", email).param("hash", EmailHashes.of(email)).param("name", name).param("source", source)
                .param("user", userId).query(Long.class).optional();
    }

    public void linkUser(long id, @Nullable Long userId) {
        jdbc.sql("UPDATE email_subscribers SET user_id = :user, updated_at = now(), version = version + 1 WHERE id = :id")
                .param("user", userId).param("id", id).update();
    }

    /** A new address makes every link sent to the old one invalid (token_version). */
    public void changeEmail(long id, String email) {
        jdbc.sql("""
                UPDATE email_subscribers SET email = :email, email_hash = :hash, token_version = token_version + 1,
                       updated_at = now(), version = version + 1
                WHERE id = :id""").param("email", email).param("hash", EmailHashes.of(email)).param("id", id).update();
    }

    public void resubscribe(long id) {
        jdbc.sql("""
                UPDATE email_subscribers SET status = 'subscribed', unsubscribed_at = NULL, unsubscribe_reason = NULL,
                       updated_at = now(), version = version + 1
                WHERE id = :id""").param("id", id).update();
    }

    public void touch(long id) {
        jdbc.sql("UPDATE email_subscribers SET updated_at = now(), version = version + 1 WHERE id = :id").param("id", id).update();
    }

    /** Deletes the contact; its memberships and change log go with it (foreign keys cascade). */
    public void delete(long id) {
        jdbc.sql("DELETE FROM email_subscribers WHERE id = :id").param("id", id).update();
    }

    private static Contact row(ResultSet rs, int n) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getString("email"), rs.getString("name"), rs.getString("status"), rs.getString("source"),
                rs.getObject("user_id", Long.class), rs.getInt("token_version"), Rows.instant(rs, "unsubscribed_at"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
