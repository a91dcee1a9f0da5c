package com.revolutiontradingpros.api.platform.paging;

import java.util.List;
import java.util.function.Function;

/** A list response: {@code {"data": [...], "meta": {"page", "per_page", "total", "total_pages"}}}. */
public record Page<T>(List<T> data, Meta meta) {

    public static <T> Page<T> of(List<T> data, PageQuery query, long total) {
        long pages = total == 0 ? 0 : (total + query.perPage() - 1) / query.perPage();
        return new Page<>(data, new Meta(query.page(), query.perPage(), total, pages));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(data.stream().map(mapper).toList(), meta);
    }

    public record Meta(int page, int perPage, long total, long totalPages) {
    }
}
