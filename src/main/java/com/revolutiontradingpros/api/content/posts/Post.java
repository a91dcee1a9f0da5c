package com.revolutiontradingpros.api.content.posts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.revolutiontradingpros.api.content.ContentPaths;
import com.revolutiontradingpros.api.content.cache.Etags;

/** A posts row, without its links (authors, categories, tags, products). */
record Post(long id, String type, String title, String slug, @Nullable String excerpt, String autoExcerpt, String bodyHtml,
        @Nullable String bodyJson, String bodyText, String publicText, @Nullable String teaserHtml, String visibility, String status,
        @Nullable Instant publishAt, @Nullable Instant publishedAt, boolean everPublished, @Nullable Long featuredMediaId,
        boolean featured, int wordCount, int readingTimeMinutes, long viewCount, long createdBy, long updatedBy, Instant createdAt,
        Instant updatedAt, @Nullable Instant deletedAt, int version) {

    boolean trashed() {
        return deletedAt != null;
    }

    boolean gated() {
        return !visibility.equals("public");
    }

    /** Published or scheduled: authors may no longer change it themselves (rule 7). */
    boolean live() {
        return status.equals("published") || status.equals("scheduled");
    }

    /** Readable by the public: published and due, or archived (direct link only); never trashed. */
    boolean publiclyReadable(Instant now) {
        return !trashed() && (status.equals("published") && publishedAt != null && !publishedAt.isAfter(now) || status.equals("archived"));
    }

    String url() {
        return ContentPaths.post(type, slug);
    }

    String shownExcerpt() {
        return excerpt != null && !excerpt.isBlank() ? excerpt : autoExcerpt;
    }

    String etag() {
        return Etags.of("post", id, version);
    }

    /** The post in another state of the status machine; ever_published records that it was once live. */
    Post withStatus(String newStatus, @Nullable Instant newPublishAt, @Nullable Instant newPublishedAt) {
        return new Post(id, type, title, slug, excerpt, autoExcerpt, bodyHtml, bodyJson, bodyText, publicText, teaserHtml, visibility,
                newStatus, newPublishAt, newPublishedAt, everPublished || newStatus.equals("published"), featuredMediaId, featured,
                wordCount, readingTimeMinutes, viewCount, createdBy, updatedBy, createdAt, updatedAt, deletedAt, version);
    }

    /** In the trash (a time) or out of it (null). */
    Post withDeletedAt(@Nullable Instant newDeletedAt) {
        return new Post(id, type, title, slug, excerpt, autoExcerpt, bodyHtml, bodyJson, bodyText, publicText, teaserHtml, visibility,
                status, publishAt, publishedAt, everPublished, featuredMediaId, featured, wordCount, readingTimeMinutes, viewCount,
                createdBy, updatedBy, createdAt, updatedAt, newDeletedAt, version);
    }
}
