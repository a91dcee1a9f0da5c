package com.revolutiontradingpros.api.content.counts;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Recomputes the post_count of tags or categories: their published, untrashed posts of type post. */
@Component
public class PublishedPostCounts {

    /** What carries a count, and the table linking it to posts. */
    public enum Counted {
        TAGS("tags", "post_tag", "tag_id"),
        CATEGORIES("categories", "post_categories", "category_id");

        private final String sql;

        Counted(String table, String links, String column) {
            // Each linked post is looked up by its key, so the cost follows the tag's or category's size, not the whole
            // posts table; the materialized count is computed once, not again for the WHERE.
            this.sql = """
                    WITH counted AS MATERIALIZED (
                        SELECT x.id, (SELECT count(*) FROM %2$s l
                                      WHERE l.%3$s = x.id
                                        AND (SELECT p.status = 'published' AND p.deleted_at IS NULL AND p.type = 'post'
                                             FROM posts p WHERE p.id = l.post_id)) AS n
                        FROM %1$s x WHERE x.id IN (:ids))
                    UPDATE %1$s t SET post_count = counted.n FROM counted
                    WHERE t.id = counted.id AND t.post_count <> counted.n""".formatted(table, links, column);
        }
    }

    private final JdbcClient jdbc;

    PublishedPostCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void recount(Counted counted, Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql(counted.sql).param("ids", ids).update();
        }
    }
}
