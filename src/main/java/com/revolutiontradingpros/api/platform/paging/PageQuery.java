package com.revolutiontradingpros.api.platform.paging;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * A checked list request. Repositories turn it into SQL with {@link #orderBy(Map, String)},
 * {@link #limit()} and {@link #offset()}; values are bound as parameters, never concatenated.
 */
public record PageQuery(int page, int perPage, List<Sort> sort, Map<String, String> filters, @Nullable String q) {

    public static final int DEFAULT_PER_PAGE = 20;
    public static final int MAX_PER_PAGE = 100;

    public int limit() {
        return perPage;
    }

    public long offset() {
        return (long) (page - 1) * perPage;
    }

    public Optional<String> filter(String field) {
        return Optional.ofNullable(filters.get(field));
    }

    public Optional<String> search() {
        return Optional.ofNullable(q).filter(text -> !text.isBlank());
    }

    /** The search text as a case-insensitive LIKE pattern matching anywhere, with LIKE's wildcards escaped. */
    public Optional<String> searchPattern() {
        return search().map(text -> "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

    /**
     * An ORDER BY clause from the requested sort, mapping each API field to its column (only mapped fields are
     * ever accepted, so this never carries client text), ending with {@code tieBreaker} for a stable order.
     */
    public String orderBy(Map<String, String> columns, String tieBreaker) {
        var clause = new StringJoiner(", ", " ORDER BY ", "");
        for (Sort s : sort) {
            String column = columns.get(s.field());
            if (column == null) {
                throw new IllegalArgumentException("no column for sort field " + s.field());
            }
            clause.add(column + (s.descending() ? " DESC" : " ASC"));
        }
        clause.add(tieBreaker);
        return clause.toString();
    }

    public <T> Page<T> page(List<T> data, long total) {
        return Page.of(data, this, total);
    }

    public record Sort(String field, boolean descending) {
    }
}
