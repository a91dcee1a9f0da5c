package com.revolutiontradingpros.api.content.posts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.revolutiontradingpros.api.platform.paging.PageQuery;

/** The post lists: the public one (rule 7) and the staff's, with their filters resolved to ids by the caller. */
@Repository
class PostQueries {

    static final Map<String, String> PUBLIC_SORTS = Map.of("published_at", "p.published_at", "title", "lower(p.title)",
            "view_count", "p.view_count", "reading_time_minutes", "p.reading_time_minutes");
    static final Map<String, String> STAFF_SORTS = Map.of("updated_at", "p.updated_at", "created_at", "p.created_at",
            "published_at", "p.published_at", "publish_at", "p.publish_at", "title", "lower(p.title)", "view_count", "p.view_count");

    private final JdbcClient jdbc;

    PostQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters already turned into ids; null means "not filtered". */
    record Filter(String type, @Nullable List<Long> categoryIds, @Nullable Long tagId, @Nullable Long authorId, @Nullable String visibility,
            @Nullable Boolean premium, @Nullable Boolean featured, @Nullable Instant after, @Nullable Instant before, @Nullable String q,
            @Nullable String status, @Nullable Long onlyVisibleTo) {
    }

    record Result(List<Post> rows, long total) {
    }

    Result published(PageQuery query, Filter filter, Instant now) {
        return run(publishedStatements(query, filter, now), query);
    }

    /** The count and page statements of the public list, exactly as run (the EXPLAIN test reads them). */
    Statements publishedStatements(PageQuery query, Filter filter, Instant now) {
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(" WHERE p.deleted_at IS NULL AND p.status = 'published' AND p.published_at <= :now AND p.type = :type");
        params.put("now", Timestamp.from(now));
        params.put("type", filter.type());
        common(filter, where, params);
        if (filter.q() != null) {
            where.append(" AND p.id IN (SELECT ref_id FROM search_documents WHERE type = :type AND tsv @@ websearch_to_tsquery('english', :q))");
            params.put("q", filter.q());
        }
        return statements(query, where, params, PUBLIC_SORTS);
    }

    Result staff(PageQuery query, Filter filter) {
        return run(staffStatements(query, filter), query);
    }

    /** The count and page statements of the staff list, exactly as run (the EXPLAIN test reads them). */
    Statements staffStatements(PageQuery query, Filter filter) {
        var params = new HashMap<String, Object>();
        return statements(query, staffWhere(filter, params), params, STAFF_SORTS);
    }

    /**
     * The ids of the staff list in its order, one at a time, read through a cursor: call it inside a transaction
     * so PostgreSQL hands rows over in batches instead of all at once.
     */
    void staffIds(PageQuery query, Filter filter, java.util.function.LongConsumer each) {
        var params = new HashMap<String, Object>();
        jdbc.sql("SELECT p.id FROM posts p" + staffWhere(filter, params) + query.orderBy(STAFF_SORTS, "p.id DESC"))
                .params(params).withFetchSize(500).query((RowCallbackHandler) rs -> each.accept(rs.getLong(1)));
    }

    private static StringBuilder staffWhere(Filter filter, Map<String, Object> params) {
        var where = new StringBuilder(" WHERE p.type = :type");
        params.put("type", filter.type());
        common(filter, where, params);
        if (filter.status() != null) {
            if (filter.status().equals("trashed")) {
                where.append(" AND p.deleted_at IS NOT NULL");
            } else {
                where.append(" AND p.deleted_at IS NULL AND p.status = :status");
                params.put("status", filter.status());
            }
        }
        if (filter.onlyVisibleTo() != null) {
            where.append(" AND ((p.status = 'published' AND p.deleted_at IS NULL)"
                    + " OR EXISTS (SELECT 1 FROM post_authors me WHERE me.post_id = p.id AND me.user_id = :me))");
            params.put("me", filter.onlyVisibleTo());
        }
        if (filter.q() != null) {
            where.append(" AND (p.title ILIKE :like ESCAPE '\\' OR p.slug ILIKE :like ESCAPE '\\')");
            params.put("like", "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return where;
    }

    private static void common(Filter filter, StringBuilder where, Map<String, Object> params) {
        if (filter.categoryIds() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM post_categories pc WHERE pc.post_id = p.id AND pc.category_id IN (:categories))");
            params.put("categories", filter.categoryIds());
        }
        if (filter.tagId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM post_tag pt WHERE pt.post_id = p.id AND pt.tag_id = :tag)");
            params.put("tag", filter.tagId());
        }
        if (filter.authorId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM post_authors pa WHERE pa.post_id = p.id AND pa.user_id = :author)");
            params.put("author", filter.authorId());
        }
        if (filter.visibility() != null) {
            where.append(" AND p.visibility = :visibility");
            params.put("visibility", filter.visibility());
        }
        if (filter.premium() != null) {
            where.append(filter.premium() ? " AND p.visibility <> 'public'" : " AND p.visibility = 'public'");
        }
        if (filter.featured() != null) {
            where.append(" AND p.is_featured = :featured");
            params.put("featured", filter.featured());
        }
        if (filter.after() != null) {
            where.append(" AND p.published_at >= :after");
            params.put("after", Timestamp.from(filter.after()));
        }
        if (filter.before() != null) {
            where.append(" AND p.published_at < :before");
            params.put("before", Timestamp.from(filter.before()));
        }
    }

    /** A list's two statements sharing one set of parameters: the total, then one page of rows. */
    record Statements(String count, String page, Map<String, Object> params) {
    }

    private static Statements statements(PageQuery query, StringBuilder where, Map<String, Object> params, Map<String, String> sorts) {
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        return new Statements("SELECT count(*) FROM posts p" + where,
                "SELECT " + PostRepository.SUMMARY_COLUMNS + " FROM posts p" + where + query.orderBy(sorts, "p.id DESC") + " LIMIT :limit OFFSET :offset",
                params);
    }

    private Result run(Statements statements, PageQuery query) {
        long total = jdbc.sql(statements.count()).params(statements.params()).query(Long.class).single();
        if (total == 0 || query.offset() >= total) {
            return new Result(List.of(), total);
        }
        var rows = jdbc.sql(statements.page()).params(statements.params()).query((rs, n) -> PostRepository.row(rs)).list();
        return new Result(rows, total);
    }

    /** Up to {@code limit} published posts of the type ranked by 2 × shared tags + 1 × shared categories (row 3). */
    List<Post> related(Post post, int limit, Instant now) {
        return jdbc.sql("""
                WITH shared AS (
                    SELECT b.post_id, 2 AS weight FROM post_tag a JOIN post_tag b ON b.tag_id = a.tag_id AND b.post_id <> a.post_id
                    WHERE a.post_id = :id
                    UNION ALL
                    SELECT b.post_id, 1 FROM post_categories a JOIN post_categories b ON b.category_id = a.category_id AND b.post_id <> a.post_id
                    WHERE a.post_id = :id),
                scored AS (SELECT post_id, sum(weight) AS score FROM shared GROUP BY post_id)
                SELECT\s""" + PostRepository.SUMMARY_COLUMNS + """
                 FROM scored s JOIN posts p ON p.id = s.post_id
                WHERE p.deleted_at IS NULL AND p.status = 'published' AND p.published_at <= :now AND p.type = :type AND s.score > 0
                ORDER BY s.score DESC, p.published_at DESC, p.id DESC LIMIT :limit""")
                .param("id", post.id()).param("type", post.type()).param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> PostRepository.row(rs)).list();
    }

    /** The published post just before or after this one by published_at (same type, optionally same primary category). */
    @Nullable Post adjacent(Post post, boolean next, @Nullable Long primaryCategory, Instant now) {
        if (post.publishedAt() == null) {
            return null;
        }
        String compare = next ? "(p.published_at, p.id) > (:at, :id)" : "(p.published_at, p.id) < (:at, :id)";
        String order = next ? "p.published_at ASC, p.id ASC" : "p.published_at DESC, p.id DESC";
        String category = primaryCategory == null ? ""
                : " AND EXISTS (SELECT 1 FROM post_categories pc WHERE pc.post_id = p.id AND pc.category_id = :category AND pc.position = 0)";
        var params = new HashMap<String, Object>();
        params.put("at", Timestamp.from(post.publishedAt()));
        params.put("id", post.id());
        params.put("type", post.type());
        params.put("now", Timestamp.from(now));
        if (primaryCategory != null) {
            params.put("category", primaryCategory);
        }
        return jdbc.sql("SELECT " + PostRepository.SUMMARY_COLUMNS + " FROM posts p WHERE p.deleted_at IS NULL AND p.status = 'published'"
                        + " AND p.published_at <= :now AND p.type = :type AND " + compare + category + " ORDER BY " + order + " LIMIT 1")
                .params(params).query((rs, n) -> PostRepository.row(rs)).optional().orElse(null);
    }

    /** People with published posts and how many (row 7). */
    Map<Long, Long> authorsWithPosts(Instant now) {
        var counts = new HashMap<Long, Long>();
        jdbc.sql("""
                SELECT pa.user_id, count(*) FROM post_authors pa JOIN posts p ON p.id = pa.post_id
                WHERE p.deleted_at IS NULL AND p.status = 'published' AND p.published_at <= :now GROUP BY pa.user_id""")
                .param("now", Timestamp.from(now))
                .query((RowCallbackHandler) rs -> counts.put(rs.getLong(1), rs.getLong(2)));
        return counts;
    }

    record Month(String month, long posts) {
    }

    record Top(long id, String title, String slug, long viewCount) {
    }

    /** Posts of every author, or of one ({@code author} not null), for the staff's statistics. */
    private static String byAuthor(@Nullable Long author) {
        return author == null ? "" : " AND EXISTS (SELECT 1 FROM post_authors pa WHERE pa.post_id = p.id AND pa.user_id = :me)";
    }

    /** Counts for the admin tabs: draft, scheduled, published, archived and trashed (trash counted apart from status). */
    Map<String, Long> countsByStatus(@Nullable Long author) {
        var counts = new LinkedHashMap<String, Long>();
        for (String status : List.of("draft", "scheduled", "published", "archived", "trashed")) {
            counts.put(status, 0L);
        }
        jdbc.sql("SELECT CASE WHEN p.deleted_at IS NOT NULL THEN 'trashed' ELSE p.status END, count(*) FROM posts p WHERE true"
                        + byAuthor(author) + " GROUP BY 1")
                .param("me", author == null ? 0L : author).query((RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    List<Month> publishedPerMonth(Instant from, Instant to, @Nullable Long author) {
        return jdbc.sql("SELECT to_char(date_trunc('month', p.published_at AT TIME ZONE 'UTC'), 'YYYY-MM'), count(*) FROM posts p "
                        + "WHERE p.deleted_at IS NULL AND p.status IN ('published', 'archived') AND p.published_at >= :from AND p.published_at < :to"
                        + byAuthor(author) + " GROUP BY 1 ORDER BY 1")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("me", author == null ? 0L : author)
                .query((rs, n) -> new Month(rs.getString(1), rs.getLong(2))).list();
    }

    List<Top> mostViewed(@Nullable Long author) {
        return jdbc.sql("SELECT p.id, p.title, p.slug, p.view_count FROM posts p WHERE p.deleted_at IS NULL" + byAuthor(author)
                        + " ORDER BY p.view_count DESC, p.id DESC LIMIT 10")
                .param("me", author == null ? 0L : author)
                .query((rs, n) -> new Top(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
    }
}
