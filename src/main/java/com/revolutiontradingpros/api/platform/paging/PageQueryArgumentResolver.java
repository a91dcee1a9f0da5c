package com.revolutiontradingpros.api.platform.paging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import com.revolutiontradingpros.api.platform.web.FieldErrors;

/** Builds a {@link PageQuery} from the query string, refusing anything out of range or undeclared with 422. */
public class PageQueryArgumentResolver implements HandlerMethodArgumentResolver {

    private static final int MAX_Q_LENGTH = 200;

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageQuery.class;
    }

    @Override
    public PageQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        var params = parameter.getParameterAnnotation(PageParams.class);
        var errors = new FieldErrors();
        int defaultPerPage = params == null ? PageQuery.DEFAULT_PER_PAGE : params.defaultPerPage();
        int maxPerPage = params == null ? PageQuery.MAX_PER_PAGE : params.maxPerPage();
        int page = integer(request.getParameter("page"), 1, "page", 1, Integer.MAX_VALUE / maxPerPage, errors);
        int perPage = integer(request.getParameter("per_page"), defaultPerPage, "per_page", 1, maxPerPage, errors);

        Set<String> sortable = params == null ? Set.of() : Set.of(params.sort());
        String sortParam = request.getParameter("sort");
        if (sortParam == null && params != null && !params.defaultSort().isEmpty()) {
            sortParam = params.defaultSort();
        }
        var sort = new ArrayList<PageQuery.Sort>();
        if (sortParam != null && !sortParam.isBlank()) {
            for (String part : sortParam.split(",")) {
                String trimmed = part.trim();
                boolean descending = trimmed.startsWith("-");
                String field = descending ? trimmed.substring(1) : trimmed;
                if (!sortable.contains(field)) {
                    errors.add("sort", sortable.isEmpty() ? "this list cannot be sorted"
                            : "must be one of " + String.join(", ", sorted(sortable)) + " (prefix - for descending)");
                } else {
                    sort.add(new PageQuery.Sort(field, descending));
                }
            }
        }

        Set<String> filterable = params == null ? Set.of() : Set.of(params.filters());
        var filters = new LinkedHashMap<String, String>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("filter[") && name.endsWith("]")) {
                String field = name.substring(7, name.length() - 1);
                if (!filterable.contains(field)) {
                    errors.add(name, filterable.isEmpty() ? "this list has no filters"
                            : "is not a filter; use one of " + String.join(", ", sorted(filterable)));
                } else if (values.length > 0) {
                    filters.put(field, values[0]);
                }
            } else if (name.startsWith("filter")) {
                errors.add(name, "write filters as filter[field]=value");
            }
        });

        String q = request.getParameter("q");
        if (q != null) {
            if (params == null || !params.searchable()) {
                errors.add("q", "this list is not searchable");
            } else if (q.length() > MAX_Q_LENGTH) {
                errors.add("q", "must be at most " + MAX_Q_LENGTH + " characters");
            }
        }
        errors.throwIfAny();
        return new PageQuery(page, perPage, List.copyOf(sort), filters, q);
    }

    private static int integer(String raw, int fallback, String name, int min, int max, FieldErrors errors) {
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                errors.add(name, "must be between " + min + " and " + max);
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(name, "must be a whole number");
            return fallback;
        }
    }

    private static List<String> sorted(Set<String> values) {
        var list = new ArrayList<>(values);
        list.sort(String::compareTo);
        return list;
    }

}
