package com.revolutiontradingpros.api.platform.paging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a list endpoint accepts, declared on its {@link PageQuery} parameter:
 * {@code @PageParams(sort = {"created_at", "title"}, defaultSort = "-created_at", filters = {"status"}, searchable = true)}.
 * Anything else the client sends for sort or filter is a 422.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface PageParams {

    String[] sort() default {};

    String defaultSort() default "";

    String[] filters() default {};

    boolean searchable() default false;

    int defaultPerPage() default PageQuery.DEFAULT_PER_PAGE;

    int maxPerPage() default PageQuery.MAX_PER_PAGE;
}
