package com.revolutiontradingpros.api.content.media;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FolderRepository {

    private final JdbcClient jdbc;

    FolderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every folder: a library has tens or hundreds, so the tree is built in memory. */
    List<MediaFolder> all() {
        return jdbc.sql("SELECT id, name, parent_id, created_at FROM media_folders ORDER BY lower(name), id").query(FolderRepository::row).list();
    }

    Optional<MediaFolder> find(long id) {
        return jdbc.sql("SELECT id, name, parent_id, created_at FROM media_folders WHERE id = :id").param("id", id)
                .query(FolderRepository::row).optional();
    }

    private static MediaFolder row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new MediaFolder(rs.getLong("id"), rs.getString("name"), rs.getObject("parent_id", Long.class),
                rs.getTimestamp("created_at").toInstant());
    }

    /** Items directly in each folder. */
    Map<Long, Long> itemCounts() {
        return jdbc.sql("SELECT folder_id, count(*) AS items FROM media WHERE folder_id IS NOT NULL GROUP BY folder_id")
                .query((rs, n) -> Map.entry(rs.getLong("folder_id"), rs.getLong("items"))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    boolean nameTaken(@Nullable Long parentId, String name, long exceptId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM media_folders
                               WHERE coalesce(parent_id, 0) = coalesce(:parent, 0) AND lower(name) = lower(:name) AND id <> :id)""")
                .param("parent", parentId).param("name", name).param("id", exceptId).query(Boolean.class).single();
    }

    long insert(String name, @Nullable Long parentId) {
        return jdbc.sql("INSERT INTO media_folders (name, parent_id) VALUES (:name, :parent) RETURNING id")
                .param("name", name).param("parent", parentId).query(Long.class).single();
    }

    void update(long id, String name, @Nullable Long parentId) {
        jdbc.sql("UPDATE media_folders SET name = :name, parent_id = :parent WHERE id = :id")
                .param("id", id).param("name", name).param("parent", parentId).update();
    }

    boolean hasContent(long id) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM media WHERE folder_id = :id) OR EXISTS (SELECT 1 FROM media_folders WHERE parent_id = :id)""")
                .param("id", id).query(Boolean.class).single();
    }

    void moveItems(long fromId, @Nullable Long toId) {
        jdbc.sql("UPDATE media SET folder_id = :to, updated_at = now(), version = version + 1 WHERE folder_id = :from")
                .param("from", fromId).param("to", toId).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM media_folders WHERE id = :id").param("id", id).update();
    }
}
