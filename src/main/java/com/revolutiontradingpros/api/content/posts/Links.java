package com.revolutiontradingpros.api.content.posts;

import java.util.List;

/** A post's links, each list in its order (the first author and category are the primary ones). */
record Links(List<Long> authors, List<Long> categories, List<Long> tags, List<Long> products) {

    static final Links NONE = new Links(List.of(), List.of(), List.of(), List.of());

    Links withAuthors(List<Long> ids) {
        return new Links(ids, categories, tags, products);
    }

    Links withCategories(List<Long> ids) {
        return new Links(authors, ids, tags, products);
    }

    Links withTags(List<Long> ids) {
        return new Links(authors, categories, ids, products);
    }

    Links withProducts(List<Long> ids) {
        return new Links(authors, categories, tags, ids);
    }
}
