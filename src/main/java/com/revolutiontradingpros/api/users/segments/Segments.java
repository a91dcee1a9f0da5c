package com.revolutiontradingpros.api.users.segments;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** member_segments: a name, a description and the saved filters. */
@Repository
class Segments {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Segments(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Row(long id, String name, @Nullable String description, Map<String, String> filters, Instant createdAt, Instant updatedAt) {
    }

    /** The new segment's id, or empty when the name is taken. */
    Optional<Long> create(String name, @Nullable String description, Map<String, String> filters, long createdBy) {
        return jdbc.sql("INSERT INTO member_segments (name, description, filters, created_by) "
                        + "VALUES (:name, :description, CAST(:filters AS jsonb), :by) ON CONFLICT (name) DO NOTHING RETURNING id")
                .param("name", name).param("description", description).param("filters", json.writeValueAsString(filters))
                .param("by", createdBy).query(Long.class).optional();
    }

    /** False when another segment has the name. */
    boolean update(long id, String name, @Nullable String description, Map<String, String> filters) {
        return jdbc.sql("""
                UPDATE member_segments SET name = :name, description = :description, filters = CAST(:filters AS jsonb), updated_at = now()
                WHERE id = :id AND NOT EXISTS (SELECT 1 FROM member_segments WHERE name = :name AND id <> :id)""")
                .param("name", name).param("description", description).param("filters", json.writeValueAsString(filters))
                .param("id", id).update() > 0;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM member_segments WHERE id = :id").param("id", id).update() > 0;
    }

    Optional<Row> find(long id) {
        return rows(id).stream().findFirst();
    }

    List<Row> all() {
        return rows(null);
    }

    private List<Row> rows(@Nullable Long id) {
        return jdbc.sql("SELECT id, name, description, filters::text AS filters, created_at, updated_at FROM member_segments "
                        + "WHERE CAST(:id AS bigint) IS NULL OR id = :id ORDER BY name")
                .param("id", id)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                        json.readValue(rs.getString("filters"), new TypeReference<Map<String, String>>() { }),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }
}
