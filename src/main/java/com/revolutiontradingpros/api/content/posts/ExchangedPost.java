package com.revolutiontradingpros.api.content.posts;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.revolutiontradingpros.api.content.categories.Categories;

/**
 * One post of the JSON export, which is also what the JSON import reads (rule 35), and what a WordPress item is
 * turned into. Authors travel by email, categories and tags by slug, so the file means the same on another site.
 */
record ExchangedPost(String type, String title, String slug, String status, String visibility, @Nullable String excerpt,
        String bodyHtml, @Nullable JsonNode bodyJson, @Nullable String teaserHtml, @Nullable Instant publishedAt,
        @Nullable Instant publishAt, boolean isFeatured, List<String> authors, List<Term> categories, List<Term> tags,
        List<Long> productIds) {

    /** A file written by hand or by an older export may leave fields out: lists default to empty, the rest to a draft. */
    ExchangedPost {
        type = type == null ? "post" : type;
        title = title == null ? "" : title;
        slug = slug == null ? "" : slug;
        status = status == null ? "draft" : status;
        visibility = visibility == null ? "public" : visibility;
        bodyHtml = bodyHtml == null ? "" : bodyHtml;
        authors = authors == null ? List.of() : authors;
        categories = categories == null ? List.of() : categories;
        tags = tags == null ? List.of() : tags;
        productIds = productIds == null ? List.of() : productIds;
    }

    /** The name of the export format, checked on import. */
    static final String FORMAT = "revolution-trading-pros/posts";

    /** A category or tag; a category carries its parent, so the import can rebuild the tree. */
    record Term(String slug, String name, @Nullable Term parent) {

        /** The term for the last category of a path from the root, with the ones above it as parents. */
        static @Nullable Term ofPath(List<Categories.Ref> path) {
            Term term = null;
            for (var category : path) {
                term = new Term(category.slug(), category.name(), term);
            }
            return term;
        }
    }
}
