package com.revolutiontradingpros.api.content.posts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.content.categories.Categories;
import com.revolutiontradingpros.api.content.html.HtmlSanitizer;
import com.revolutiontradingpros.api.content.media.MediaLibrary;
import com.revolutiontradingpros.api.content.html.PostBodies;
import com.revolutiontradingpros.api.content.tags.Tags;
import com.revolutiontradingpros.api.platform.access.Entitlements;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.text.Slugs;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;
import com.revolutiontradingpros.api.platform.web.Patch;

/**
 * Applies the fields of a create or PATCH body to a post (rules 1–4): checks every field, reporting all problems in
 * one 422, sanitises the HTML and derives text, counts, teaser and excerpt.
 */
@Component
class PostEditor {

    static final Set<String> FIELDS = Set.of("type", "title", "slug", "excerpt", "body_html", "body_json", "teaser_html", "visibility",
            "product_ids", "category_ids", "tag_ids", "tag_names", "featured_media_id", "author_ids", "is_featured", "published_at");
    static final int MAX_BODY = 2 * 1024 * 1024;
    /** The roles whose holders may be named authors of a post. */
    static final Set<String> WRITER_ROLES = Set.of("author", "editor", "admin", "super_admin");

    private final HtmlSanitizer sanitizer;
    private final PostRepository posts;
    private final Categories categories;
    private final Tags tags;
    private final Entitlements entitlements;
    private final Accounts accounts;
    private final MediaLibrary media;
    private final JsonMapper json;
    private final Clock clock;

    PostEditor(HtmlSanitizer sanitizer, PostRepository posts, Categories categories, Tags tags, Entitlements entitlements,
            Accounts accounts, MediaLibrary media, JsonMapper json, Clock clock) {
        this.sanitizer = sanitizer;
        this.posts = posts;
        this.categories = categories;
        this.tags = tags;
        this.entitlements = entitlements;
        this.accounts = accounts;
        this.media = media;
        this.json = json;
        this.clock = clock;
    }

    record Edit(Post post, Links links, boolean contentChanged) {
    }

    Edit apply(CurrentUser caller, Post current, Links links, Map<String, @Nullable Object> body, boolean creating) {
        var patch = new Patch(body, FIELDS);
        var errors = patch.errors();
        boolean editor = PostRules.isEditor(caller);
        if (!editor) {
            for (String field : List.of("author_ids", "is_featured", "published_at")) {
                if (patch.has(field)) {
                    throw ApiException.forbidden("editor_required", field + " can only be set by editors");
                }
            }
        }
        String type = patch.has("type") ? patch.oneOf("type", Set.of("post", "page")) : current.type();
        String title = patch.has("title") || creating ? patch.text("title", 1, 200) : current.title();
        if (creating && title == null && !patch.has("title")) {
            errors.add("title", "is required");
        }
        String excerpt = patch.has("excerpt") ? emptyToNull(patch.text("excerpt", 0, 500)) : current.excerpt();
        String bodyHtml = patch.has("body_html") ? html(patch, "body_html", MAX_BODY, errors) : current.bodyHtml();
        String teaser = patch.has("teaser_html") ? emptyToNull(html(patch, "teaser_html", 20_000, errors)) : current.teaserHtml();
        String bodyJson = patch.has("body_json") ? bodyJson(patch.raw("body_json"), errors) : current.bodyJson();
        String visibility = patch.has("visibility") ? patch.oneOf("visibility", Set.of("public", "members", "paid")) : current.visibility();
        Long media = patch.has("featured_media_id") ? patch.id("featured_media_id") : current.featuredMediaId();
        if (media != null && !media.equals(current.featuredMediaId()) && !this.media.exists(media)) {
            errors.add("featured_media_id", "is not a media item");
        }
        Boolean featured = patch.has("is_featured") ? patch.bool("is_featured") : Boolean.valueOf(current.featured());

        List<Long> categoryIds = patch.has("category_ids") ? patch.ids("category_ids", 10) : links.categories();
        List<Long> tagIds = patch.has("tag_ids") ? patch.ids("tag_ids", 30) : links.tags();
        List<String> tagNames = patch.has("tag_names") ? patch.texts("tag_names", 30, 60) : null;
        if (patch.has("tag_ids") && tagNames != null) {
            errors.add("tag_names", "send tag_ids or tag_names, not both");
        }
        List<Long> productIds = patch.has("product_ids") ? patch.ids("product_ids", 20) : links.products();
        List<Long> authorIds = patch.has("author_ids") ? patch.ids("author_ids", 10) : links.authors();
        Instant publishedAt = current.publishedAt();
        if (patch.has("published_at")) {
            publishedAt = errors.instant(patch.text("published_at", 1, 40), "published_at");
            if (publishedAt != null && publishedAt.isAfter(Instant.now(clock))) {
                errors.add("published_at", "must be in the past (schedule the post to publish it later)");
            } else if (publishedAt != null && !current.status().equals("published")) {
                errors.add("published_at", "can only backdate a published post; pass it to publish instead");
            }
        }
        if (type == null || visibility == null || title == null && !errors.isEmpty()) {
            errors.throwIfAny();
        }
        errors.throwIfAny();

        if (type.equals("page") && (!nullToEmpty(categoryIds).isEmpty() || !nullToEmpty(tagIds).isEmpty()
                || tagNames != null && !tagNames.isEmpty())) {
            errors.add(!nullToEmpty(categoryIds).isEmpty() ? "category_ids" : "tag_ids", "pages take no categories or tags");
        }
        if (!visibility.equals("paid") && !nullToEmpty(productIds).isEmpty()) {
            errors.add("product_ids", "are only allowed with paid visibility");
        }
        if (authorIds != null && authorIds.isEmpty() && patch.has("author_ids")) {
            errors.add("author_ids", "must name at least one author");
        }
        if (categoryIds != null) {
            categories.unknown(categoryIds).forEach(id -> errors.add("category_ids", "has no category " + id));
        }
        if (tagIds != null && patch.has("tag_ids")) {
            tags.unknown(tagIds).forEach(id -> errors.add("tag_ids", "has no tag " + id));
        }
        errors.throwIfAny();
        if (productIds != null && !productIds.isEmpty()) {
            var known = entitlements.products(productIds);
            var unknown = productIds.stream().filter(id -> !known.containsKey(id)).toList();
            if (!unknown.isEmpty()) {
                throw ApiException.unprocessable("unknown_product", "product_ids", "has unknown products " + unknown);
            }
        }
        if (patch.has("author_ids") && authorIds != null) {
            var found = accounts.findAll(authorIds);
            var notAuthors = authorIds.stream().filter(id -> found.get(id) == null
                    || found.get(id).roles().stream().noneMatch(WRITER_ROLES::contains))
                    .toList();
            if (!notAuthors.isEmpty()) {
                throw ApiException.unprocessable("not_an_author", "author_ids", "has people without the author role: " + notAuthors);
            }
        }

        String slug = slug(patch, current, title, creating);
        if (tagNames != null) {
            tagIds = tags.idsForNames(tagNames);
        }
        var derived = PostBodies.analyse(bodyHtml, teaser, !visibility.equals("public"));
        var post = new Post(current.id(), type, title, slug, excerpt, derived.autoExcerpt(), derived.html(), bodyJson, derived.text(),
                derived.publicText(), teaser, visibility, current.status(), current.publishAt(), publishedAt, current.everPublished(), media,
                featured != null && featured, derived.wordCount(), derived.readingTimeMinutes(), current.viewCount(), current.createdBy(),
                caller.id(), current.createdAt(), current.updatedAt(), current.deletedAt(), current.version());
        var newLinks = new Links(authorIds == null || authorIds.isEmpty() ? List.of(caller.id()) : authorIds, nullToEmpty(categoryIds),
                nullToEmpty(tagIds), nullToEmpty(productIds));
        boolean contentChanged = creating || !title.equals(current.title()) || !java.util.Objects.equals(excerpt, current.excerpt())
                || !java.util.Objects.equals(teaser, current.teaserHtml()) || !post.bodyHtml().equals(current.bodyHtml())
                || !java.util.Objects.equals(bodyJson, current.bodyJson());
        return new Edit(post, newLinks, contentChanged);
    }

    private String slug(Patch patch, Post current, String title, boolean creating) {
        if (patch.has("slug") && patch.raw("slug") != null) {
            String requested = patch.raw("slug") instanceof String text ? text.strip() : "";
            checkSlug(requested, current.id());
            return requested;
        }
        if (creating || current.slug().isEmpty()) {
            return uniqueSlug(title, current.id());
        }
        return current.slug();
    }

    void checkSlug(String slug, long exceptId) {
        if (!Slugs.isValid(slug)) {
            throw ApiException.invalid("slug", "must be 1 to 200 lower-case letters and digits joined by single dashes");
        }
        if (PostRules.RESERVED_SLUGS.contains(slug)) {
            throw ApiException.unprocessable("slug_reserved", "slug", "is reserved for a route of the API");
        }
        if (posts.slugTaken(slug, exceptId)) {
            throw ApiException.conflict("slug_taken", "another post or page has this slug");
        }
    }

    /** The slug a title would get: generated, not reserved, and not used by any other post. */
    String uniqueSlug(String titleOrSlug, long exceptId) {
        String base = Slugs.of(titleOrSlug);
        base = base.isEmpty() ? "post" : base;
        return Slugs.firstFree(base, candidate -> PostRules.RESERVED_SLUGS.contains(candidate) || posts.slugTaken(candidate, exceptId));
    }

    private @Nullable String html(Patch patch, String field, int max, FieldErrors errors) {
        Object value = patch.raw(field);
        if (value == null) {
            return field.equals("body_html") ? "" : null;
        }
        if (!(value instanceof String text)) {
            errors.add(field, "must be a string of HTML");
            return "";
        }
        if (text.length() > max) {
            errors.add(field, "must be at most " + (max >= 1024 * 1024 ? max / (1024 * 1024) + " MB" : max + " characters"));
            return "";
        }
        return sanitizer.sanitize(text);
    }

    private @Nullable String bodyJson(@Nullable Object value, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        String text = json.writeValueAsString(value);
        if (text.length() > MAX_BODY) {
            errors.add("body_json", "must be at most 2 MB");
            return null;
        }
        return text;
    }

    private static @Nullable String emptyToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static <T> List<T> nullToEmpty(@Nullable List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }
}
