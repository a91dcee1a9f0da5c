package com.revolutiontradingpros.api.content.posts;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.content.ContentPaths;
import com.revolutiontradingpros.api.content.access.AccessLevels;
import com.revolutiontradingpros.api.content.categories.Categories;
import com.revolutiontradingpros.api.content.html.PostBodies;
import com.revolutiontradingpros.api.content.media.MediaLibrary;
import com.revolutiontradingpros.api.content.tags.Tags;
import com.revolutiontradingpros.api.content.videos.VideoLibrary;
import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.users.PublicProfiles;

/** Turns rows into what the API answers, loading authors, categories and tags in one batch per list. */
@Component
class PostViews {

    private final PostRepository posts;
    private final PostAccess access;
    private final PublicProfiles profiles;
    private final Categories categories;
    private final Tags tags;
    private final MediaLibrary media;
    private final VideoLibrary videoPlayers;

    PostViews(PostRepository posts, PostAccess access, PublicProfiles profiles, Categories categories, Tags tags, MediaLibrary media,
            VideoLibrary videoPlayers) {
        this.media = media;
        this.videoPlayers = videoPlayers;
        this.posts = posts;
        this.access = access;
        this.profiles = profiles;
        this.categories = categories;
        this.tags = tags;
    }

    record Author(long id, String slug, String displayName, @Nullable String avatarUrl, String url) {
    }

    record Term(long id, String name, String slug, String url) {
    }

    record Summary(long id, String type, String title, String slug, String url, String excerpt, @Nullable Long featuredMediaId,
            @Schema(description = "the featured image when it is public") MediaLibrary.@Nullable Image featuredImage, List<Author> authors, List<Term> categories, List<Term> tags, @Nullable Instant publishedAt, int readingTimeMinutes,
            int wordCount, long viewCount, boolean isFeatured, String visibility,
            @Schema(description = "the caller cannot read it in full") boolean locked) {

        Summary locked(boolean now) {
            return now == locked ? this : new Summary(id, type, title, slug, url, excerpt, featuredMediaId, featuredImage, authors, categories,
                    tags, publishedAt, readingTimeMinutes, wordCount, viewCount, isFeatured, visibility, now);
        }
    }

    record Detail(long id, String type, String status, String title, String slug, String url, String excerpt,
            @Schema(description = "null when the caller cannot read the post in full") @Nullable String bodyHtml, String teaserHtml,
            List<PostBodies.Heading> toc, List<Author> authors, List<Term> categories, List<Term> tags, @Nullable Long featuredMediaId,
            MediaLibrary.@Nullable Image featuredImage, int readingTimeMinutes, int wordCount, long viewCount, boolean isFeatured, String visibility, @Nullable Instant publishedAt,
            Instant updatedAt, AccessLevels.Block access) {
    }

    /** What the lookups of one batch found. */
    private record Lookups(Map<Long, Links> links, Map<Long, PublicProfiles.PublicProfile> authors, Map<Long, Categories.Ref> categories,
            Map<Long, Tags.Ref> tags, Map<Long, MediaLibrary.Image> images) {
    }

    private Lookups lookups(List<Post> rows) {
        var postIds = rows.stream().map(Post::id).toList();
        var links = posts.links(postIds);
        var authorIds = new HashSet<Long>();
        var categoryIds = new HashSet<Long>();
        var tagIds = new HashSet<Long>();
        links.values().forEach(l -> {
            authorIds.addAll(l.authors());
            categoryIds.addAll(l.categories());
            tagIds.addAll(l.tags());
        });
        var imageIds = rows.stream().map(Post::featuredMediaId).filter(Objects::nonNull).toList();
        return new Lookups(links, profiles.find(authorIds), categories.refs(categoryIds), tags.refs(tagIds), media.publicImages(imageIds));
    }

    /** A page of summaries as a visitor sees it, with each row's post and links to decide a signed-in caller's locks. */
    record SharedPage(Page<Summary> page, Map<Long, Post> posts, Map<Long, Links> links) {
    }

    SharedPage shared(List<Post> rows, PageQuery query, long total) {
        var lookups = lookups(rows);
        var posts = rows.stream().collect(Collectors.toMap(Post::id, post -> post));
        return new SharedPage(query.page(summaries(rows, lookups, Optional.empty()), total), posts, lookups.links());
    }

    /** The shared page with the locks of this caller. */
    Page<Summary> forCaller(SharedPage shared, Optional<CurrentUser> caller) {
        if (caller.isEmpty()) {
            return shared.page();
        }
        var rows = shared.page().data().stream().map(summary -> summary.locked(!access.canRead(caller,
                shared.posts().get(summary.id()), shared.links().getOrDefault(summary.id(), Links.NONE)))).toList();
        return new Page<>(rows, shared.page().meta());
    }

    List<Summary> summaries(List<Post> rows, Optional<CurrentUser> caller) {
        return summaries(rows, lookups(rows), caller);
    }

    private List<Summary> summaries(List<Post> rows, Lookups lookups, Optional<CurrentUser> caller) {
        return rows.stream().map(post -> {
            var links = lookups.links().getOrDefault(post.id(), Links.NONE);
            return new Summary(post.id(), post.type(), post.title(), post.slug(), post.url(), post.shownExcerpt(), post.featuredMediaId(),
                    image(post, lookups), authors(links, lookups), categories(links, lookups), tags(links, lookups, false), post.publishedAt(),
                    post.readingTimeMinutes(), post.wordCount(), post.viewCount(), post.featured(), post.visibility(),
                    !access.canRead(caller, post, links));
        }).toList();
    }

    /** A post's detail as a reader with access and as one without (the same for public posts), shared by every caller. */
    record DetailVariants(Post post, Links links, Detail open, Detail locked) {
    }

    DetailVariants variants(Post post) {
        var lookups = lookups(List.of(post));
        var links = lookups.links().getOrDefault(post.id(), Links.NONE);
        var open = detail(post, lookups, links, access.block(post, links, true));
        return new DetailVariants(post, links, open, post.gated() ? detail(post, lookups, links, access.block(post, links, false)) : open);
    }

    Detail forCaller(DetailVariants variants, Optional<CurrentUser> caller) {
        return access.canRead(caller, variants.post(), variants.links()) ? variants.open() : variants.locked();
    }

    /** The post in full whoever asks: what a preview link shows. */
    Detail unlocked(Post post) {
        var lookups = lookups(List.of(post));
        var links = lookups.links().getOrDefault(post.id(), Links.NONE);
        return detail(post, lookups, links, new AccessLevels.Block(post.gated() ? post.visibility() : null, links.products(), List.of(),
                false, true));
    }

    private Detail detail(Post post, Lookups lookups, Links links, AccessLevels.Block block) {
        String teaser = videoPlayers.rewrite(media.rewrite(PostBodies.teaser(post.bodyHtml(), post.teaserHtml()), !block.locked()));
        String body = block.locked() ? null : videoPlayers.rewrite(media.rewrite(post.bodyHtml(), true));
        return new Detail(post.id(), post.type(), post.status(), post.title(), post.slug(), post.url(), post.shownExcerpt(),
                body, teaser, PostBodies.toc(body == null ? teaser : body), authors(links, lookups), categories(links, lookups),
                tags(links, lookups, false), post.featuredMediaId(), image(post, lookups), post.readingTimeMinutes(), post.wordCount(), post.viewCount(),
                post.featured(), post.visibility(), post.publishedAt(), post.updatedAt(), block);
    }

    private static MediaLibrary.@Nullable Image image(Post post, Lookups lookups) {
        return post.featuredMediaId() == null ? null : lookups.images().get(post.featuredMediaId());
    }

    /** The staff's list rows: every tag, internal ones included. */
    List<StaffSummary> staffSummaries(List<Post> rows) {
        var lookups = lookups(rows);
        return rows.stream().map(post -> {
            var links = lookups.links().getOrDefault(post.id(), Links.NONE);
            return new StaffSummary(post.id(), post.type(), post.title(), post.slug(), post.url(), post.status(), post.trashed(),
                    post.visibility(), authors(links, lookups), categories(links, lookups), tags(links, lookups, true), post.publishAt(),
                    post.publishedAt(), post.featured(), post.wordCount(), post.viewCount(), post.createdAt(), post.updatedAt(),
                    post.deletedAt());
        }).toList();
    }

    record StaffSummary(long id, String type, String title, String slug, String url, String status, boolean trashed, String visibility,
            List<Author> authors, List<Term> categories, List<Term> tags, @Nullable Instant publishAt, @Nullable Instant publishedAt,
            boolean isFeatured, int wordCount, long viewCount, Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt) {
    }

    List<Author> authors(Links links, Map<Long, PublicProfiles.PublicProfile> profiles) {
        return links.authors().stream().map(profiles::get).filter(Objects::nonNull).map(PostViews::author).toList();
    }

    static Author author(PublicProfiles.PublicProfile profile) {
        return new Author(profile.id(), profile.slug(), profile.displayName(), profile.avatarUrl(), ContentPaths.author(profile.slug()));
    }

    /** Every tag of the post, internal ones included: what the staff see. */
    List<Term> allTags(Links links) {
        var refs = tags.refs(links.tags());
        return links.tags().stream().map(refs::get).filter(Objects::nonNull).map(PostViews::term).toList();
    }

    private static Term term(Tags.Ref tag) {
        return new Term(tag.id(), tag.name(), tag.slug(), ContentPaths.tag(tag.slug()));
    }

    Map<Long, PublicProfiles.PublicProfile> profiles(Collection<Long> ids) {
        return profiles.find(ids);
    }

    private List<Author> authors(Links links, Lookups lookups) {
        return authors(links, lookups.authors());
    }

    private static List<Term> categories(Links links, Lookups lookups) {
        return links.categories().stream().map(lookups.categories()::get).filter(Objects::nonNull)
                .map(c -> new Term(c.id(), c.name(), c.slug(), ContentPaths.category(c.slug()))).toList();
    }

    private static List<Term> tags(Links links, Lookups lookups, boolean withInternal) {
        return links.tags().stream().map(lookups.tags()::get).filter(Objects::nonNull).filter(t -> withInternal || !t.internal())
                .map(PostViews::term).toList();
    }
}
