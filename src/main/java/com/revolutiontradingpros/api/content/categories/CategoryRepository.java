package com.revolutiontradingpros.api.content.categories;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.revolutiontradingpros.api.content.counts.PublishedPostCounts;

@Repository
class CategoryRepository {

    private static final String SELECT = """
            SELECT id, name, slug, description, parent_id, position, image_media_id, post_count, created_at, updated_at, version
            FROM categories""";

    private final JdbcClient jdbc;
    private final PublishedPostCounts counts;

    CategoryRepository(JdbcClient jdbc, PublishedPostCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    /** Every category, siblings in their order: the table stays small (a blog has tens, not thousands). */
    List<Category> all() {
        return jdbc.sql(SELECT + " ORDER BY parent_id NULLS FIRST, position, lower(name), id").query((rs, n) -> row(rs)).list();
    }

    Optional<Category> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    Optional<Category> findBySlug(String slug) {
        return jdbc.sql(SELECT + " WHERE slug = :slug").param("slug", slug).query((rs, n) -> row(rs)).optional();
    }

    boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM categories WHERE slug = :slug AND id <> :id)")
                .param("slug", slug).param("id", exceptId).query(Boolean.class).single();
    }

    int nextPosition(@Nullable Long parentId) {
        return jdbc.sql("SELECT coalesce(max(position) + 1, 0) FROM categories WHERE parent_id IS NOT DISTINCT FROM :parent")
                .param("parent", parentId).query(Integer.class).single();
    }

    long insert(String name, String slug, @Nullable String description, @Nullable Long parentId, int position, @Nullable Long imageMediaId) {
        return jdbc.sql("""
                INSERT INTO categories (name, slug, description, parent_id, position, image_media_id)
                VALUES (:name, :slug, :description, :parent, :position, :image) RETURNING id""")
                .param("name", name).param("slug", slug).param("description", description).param("parent", parentId)
                .param("position", position).param("image", imageMediaId).query(Long.class).single();
    }

    void update(Category category) {
        jdbc.sql("""
                UPDATE categories SET name = :name, slug = :slug, description = :description, parent_id = :parent, position = :position,
                       image_media_id = :image, updated_at = now(), version = version + 1
                WHERE id = :id""")
                .param("id", category.id()).param("name", category.name()).param("slug", category.slug())
                .param("description", category.description()).param("parent", category.parentId())
                .param("position", category.position()).param("image", category.imageMediaId()).update();
    }

    void move(long id, @Nullable Long parentId, int position) {
        jdbc.sql("""
                UPDATE categories SET parent_id = :parent, position = :position, updated_at = now(), version = version + 1
                WHERE id = :id AND (parent_id IS DISTINCT FROM :parent OR position <> :position)""")
                .param("id", id).param("parent", parentId).param("position", position).update();
    }

    /** Posts of any status, trashed included, filed in the category. */
    boolean hasPosts(long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM post_categories WHERE category_id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    /**
     * Deletes a category: its children move up to its parent after their new siblings, keeping their order; posts
     * whose only category it was are filed under {@code reassignTo}; every post keeps a primary category.
     */
    void delete(Category category, @Nullable Long reassignTo) {
        jdbc.sql("""
                UPDATE categories c SET parent_id = :parent, updated_at = now(), version = version + 1,
                       position = c.position + (SELECT coalesce(max(position) + 1, 0) FROM categories
                                                WHERE parent_id IS NOT DISTINCT FROM :parent AND id <> :id)
                WHERE c.parent_id = :id""")
                .param("id", category.id()).param("parent", category.parentId()).update();
        if (reassignTo != null) {
            jdbc.sql("""
                    INSERT INTO post_categories (post_id, category_id, position)
                    SELECT pc.post_id, :to, 0 FROM post_categories pc
                    WHERE pc.category_id = :id
                      AND NOT EXISTS (SELECT 1 FROM post_categories o WHERE o.post_id = pc.post_id AND o.category_id <> :id)""")
                    .param("id", category.id()).param("to", reassignTo).update();
        }
        jdbc.sql("""
                WITH affected AS (DELETE FROM post_categories WHERE category_id = :id RETURNING post_id),
                     renumbered AS (SELECT post_id, category_id, row_number() OVER (PARTITION BY post_id ORDER BY position) - 1 AS position
                                    FROM post_categories WHERE post_id IN (SELECT post_id FROM affected) AND category_id <> :id)
                UPDATE post_categories pc SET position = r.position FROM renumbered r
                WHERE pc.post_id = r.post_id AND pc.category_id = r.category_id AND pc.position <> r.position""")
                .param("id", category.id()).update();
        jdbc.sql("DELETE FROM categories WHERE id = :id").param("id", category.id()).update();
    }

    /** Recounts published, live posts of type post filed directly in each category (rule 16). */
    void recount(Collection<Long> ids) {
        counts.recount(PublishedPostCounts.Counted.CATEGORIES, ids);
    }

    List<Long> existing(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM categories WHERE id IN (:ids)").param("ids", ids).query(Long.class).list();
    }

    private static Category row(ResultSet rs) throws SQLException {
        return new Category(rs.getLong("id"), rs.getString("name"), rs.getString("slug"), rs.getString("description"),
                rs.getObject("parent_id", Long.class), rs.getInt("position"), rs.getObject("image_media_id", Long.class),
                rs.getInt("post_count"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }
}
