package com.revolutiontradingpros.api.email.lists;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.revolutiontradingpros.api.platform.paging.PageQuery;

@Repository
class ListRepository {

    /** Rule of 06: a contact book has at most this many lists. */
    static final int MAX_LISTS = 500;

    private static final String SELECT = """
            SELECT id, name, slug, description, visibility, subscribed_count, unsubscribed_count, created_by, created_at, updated_at
            FROM email_lists""";
    private static final Map<String, String> SORTS = Map.of("name", "lower(name)", "subscribed_count", "subscribed_count",
            "created_at", "created_at");

    private final JdbcClient jdbc;

    ListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<EmailList> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(ListRepository::row).optional();
    }

    record Found(List<EmailList> rows, long total) {
    }

    Found list(PageQuery query) {
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(" WHERE true");
        query.searchPattern().ifPresent(pattern -> {
            where.append(" AND name ILIKE :q ESCAPE '\\'");
            params.put("q", pattern);
        });
        query.filter("visibility").ifPresent(visibility -> {
            where.append(" AND visibility = :visibility");
            params.put("visibility", visibility);
        });
        long total = jdbc.sql("SELECT count(*) FROM email_lists" + where).params(params).query(Long.class).single();
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        var rows = jdbc.sql(SELECT + where + query.orderBy(SORTS, "id") + " LIMIT :limit OFFSET :offset").params(params)
                .query(ListRepository::row).list();
        return new Found(rows, total);
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM email_lists").query(Long.class).single();
    }

    boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM email_lists WHERE slug = :slug AND id <> :id)").param("slug", slug)
                .param("id", exceptId).query(Boolean.class).single();
    }

    /** The new list's id, or empty when the slug was taken meanwhile. */
    Optional<Long> insert(String name, String slug, @Nullable String description, String visibility, long createdBy) {
        return jdbc.sql("""
                INSERT INTO email_lists (name, slug, description, visibility, created_by) VALUES (:name, :slug, :description, :visibility, :by)
                ON CONFLICT (slug) DO NOTHING RETURNING id""")
                .param("name", name).param("slug", slug).param("description", description).param("visibility", visibility)
                .param("by", createdBy).query(Long.class).optional();
    }

    void update(EmailList list) {
        jdbc.sql("""
                UPDATE email_lists SET name = :name, slug = :slug, description = :description, visibility = :visibility,
                       updated_at = now(), version = version + 1
                WHERE id = :id""")
                .param("name", list.name()).param("slug", list.slug()).param("description", list.description())
                .param("visibility", list.visibility()).param("id", list.id()).update();
    }

    /** Deletes the list and its memberships; the contacts stay. */
    boolean delete(long id) {
        return jdbc.sql("DELETE FROM email_lists WHERE id = :id").param("id", id).update() == 1;
    }

    private static EmailList row(ResultSet rs, int n) throws SQLException {
        return new EmailList(rs.getLong("id"), rs.getString("name"), rs.getString("slug"), rs.getString("description"),
                rs.getString("visibility"), rs.getInt("subscribed_count"), rs.getInt("unsubscribed_count"), rs.getObject("created_by", Long.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
