package com.revolutiontradingpros.api.email.lists;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.revolutiontradingpros.api.platform.database.Rows;

/**
 * Who is on which list. Callers hold the contact's row lock, so the state read before a change is still the
 * state it changes, and the lists' maintained counts move in the same transaction.
 */
@Repository
public class Memberships {

    /** A list as one contact sees it; {@code status} is null when the contact was never on it. */
    public record ListMembership(long listId, String name, String slug, @Nullable String description, String visibility,
            @Nullable String status, @Nullable String source, @Nullable Instant subscribedAt, @Nullable Instant unsubscribedAt) {

        public boolean subscribed() {
            return "subscribed".equals(status);
        }
    }

    private final JdbcClient jdbc;

    Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every public list, and every list the contact is or was on, by name. */
    public List<ListMembership> visibleTo(@Nullable Long contactId) {
        return jdbc.sql("""
                SELECT l.id, l.name, l.slug, l.description, l.visibility, m.status, m.source, m.subscribed_at, m.unsubscribed_at
                FROM email_lists l
                LEFT JOIN email_list_subscribers m ON m.list_id = l.id AND m.subscriber_id = :contact
                WHERE l.visibility = 'public' OR m.subscriber_id IS NOT NULL
                ORDER BY lower(l.name), l.id""")
                .param("contact", contactId == null ? -1L : contactId)
                .query((rs, n) -> new ListMembership(rs.getLong("id"), rs.getString("name"), rs.getString("slug"), rs.getString("description"),
                        rs.getString("visibility"), rs.getString("status"), rs.getString("source"), Rows.instant(rs, "subscribed_at"),
                        Rows.instant(rs, "unsubscribed_at")))
                .list();
    }

    /** Puts the contact on the list; false when they already were. */
    public boolean join(long listId, long contactId, String source, @Nullable String consentNote) {
        String before = jdbc.sql("""
                WITH before AS (SELECT status FROM email_list_subscribers WHERE list_id = :list AND subscriber_id = :contact),
                     joined AS (
                         INSERT INTO email_list_subscribers (list_id, subscriber_id, status, source, consent_note, subscribed_at)
                         VALUES (:list, :contact, 'subscribed', :source, :note, now())
                         ON CONFLICT (list_id, subscriber_id) DO UPDATE
                             SET status = 'subscribed', source = EXCLUDED.source, consent_note = EXCLUDED.consent_note,
                                 subscribed_at = now(), unsubscribed_at = NULL
                         WHERE email_list_subscribers.status = 'unsubscribed'
                         RETURNING 1)
                SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM joined) THEN 'unchanged' ELSE coalesce((SELECT status FROM before), 'new') END""")
                .param("list", listId).param("contact", contactId).param("source", source).param("note", consentNote)
                .query(String.class).single();
        if ("unchanged".equals(before)) {
            return false;
        }
        count(listId, 1, "unsubscribed".equals(before) ? -1 : 0);
        return true;
    }

    /** Takes the contact off the list (the membership stays, unsubscribed, as proof); false when they were not on it. */
    public boolean leave(long listId, long contactId) {
        int left = jdbc.sql("""
                UPDATE email_list_subscribers SET status = 'unsubscribed', unsubscribed_at = now()
                WHERE list_id = :list AND subscriber_id = :contact AND status = 'subscribed'""")
                .param("list", listId).param("contact", contactId).update();
        if (left == 0) {
            return false;
        }
        count(listId, -1, 1);
        return true;
    }

    /** Removes every membership of the contact (erasure), keeping the lists' counts right. */
    public void removeAll(long contactId) {
        jdbc.sql("""
                WITH gone AS (DELETE FROM email_list_subscribers WHERE subscriber_id = :contact RETURNING list_id, status)
                UPDATE email_lists l
                SET subscribed_count = l.subscribed_count - g.subscribed, unsubscribed_count = l.unsubscribed_count - g.unsubscribed
                FROM (SELECT list_id, count(*) FILTER (WHERE status = 'subscribed') AS subscribed,
                             count(*) FILTER (WHERE status = 'unsubscribed') AS unsubscribed
                      FROM gone GROUP BY list_id) g
                WHERE l.id = g.list_id""").param("contact", contactId).update();
    }

    private void count(long listId, int subscribed, int unsubscribed) {
        jdbc.sql("""
                UPDATE email_lists SET subscribed_count = subscribed_count + :subscribed, unsubscribed_count = unsubscribed_count + :unsubscribed
                WHERE id = :list""").param("subscribed", subscribed).param("unsubscribed", unsubscribed).param("list", listId).update();
    }
}
