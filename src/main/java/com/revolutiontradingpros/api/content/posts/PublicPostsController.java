package com.revolutiontradingpros.api.content.posts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.content.ContentPaths;
import com.revolutiontradingpros.api.content.cache.ContentCaches;
import com.revolutiontradingpros.api.content.categories.Categories;
import com.revolutiontradingpros.api.content.tags.Tags;
import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.Callers;
import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.CachedBody;
import com.revolutiontradingpros.api.platform.web.Conditional;
import com.revolutiontradingpros.api.platform.text.Slugs;
import com.revolutiontradingpros.api.platform.web.FieldErrors;
import com.revolutiontradingpros.api.users.PublicProfiles;

/**
 * What visitors and members read of the blog. Anonymous answers are cached as bytes on each node (dropped on any
 * public change); answers to a signed-in caller are computed for them and sent private.
 */
@RestController
@Public
@Tag(name = "Posts")
class PublicPostsController {

    private final PostRepository posts;
    private final PostQueries queries;
    private final PostViews views;
    private final Categories categories;
    private final Tags tags;
    private final PublicProfiles profiles;
    private final ContentCaches caches;
    private final Clock clock;

    PublicPostsController(PostRepository posts, PostQueries queries, PostViews views, Categories categories, Tags tags,
            PublicProfiles profiles, ContentCaches caches, Clock clock) {
        this.posts = posts;
        this.queries = queries;
        this.views = views;
        this.categories = categories;
        this.tags = tags;
        this.profiles = profiles;
        this.caches = caches;
        this.clock = clock;
    }

    record SummaryPage(List<PostViews.Summary> data, Page.Meta meta) {
    }

    @GetMapping("/posts")
    @Operation(summary = "Published posts (or pages), newest first, without bodies; gated rows carry locked")
    @ApiResponse(responseCode = "200", description = "a page of posts", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SummaryPage.class)))
    ResponseEntity<byte[]> list(@PageParams(sort = {"published_at", "title", "view_count", "reading_time_minutes"},
            defaultSort = "-published_at", filters = {"type", "category", "tag", "author", "visibility", "is_premium", "is_featured",
                    "published_after", "published_before"}, searchable = true) PageQuery query, HttpServletRequest request) {
        var filter = publicFilter(query);
        return caches.respond(request, "posts?" + request.getQueryString(), () -> {
            var result = filter == null ? new PostQueries.Result(List.of(), 0) : queries.published(query, filter, Instant.now(clock));
            return views.shared(result.rows(), query, result.total());
        }, views::forCaller);
    }

    /** The filters as ids; null when a filter names nothing (an unknown tag lists no posts). */
    private PostQueries.@Nullable Filter publicFilter(PageQuery query) {
        var errors = new FieldErrors();
        String type = query.filter("type").orElse("post");
        if (!type.equals("post") && !type.equals("page")) {
            errors.add("filter[type]", "must be post or page");
        }
        String visibility = query.filter("visibility").orElse(null);
        if (visibility != null && !List.of("public", "members", "paid").contains(visibility)) {
            errors.add("filter[visibility]", "must be public, members or paid");
        }
        Boolean premium = bool(query.filter("is_premium").orElse(null), "filter[is_premium]", errors);
        Boolean featured = bool(query.filter("is_featured").orElse(null), "filter[is_featured]", errors);
        Instant after = errors.instant(query.filter("published_after").orElse(null), "filter[published_after]");
        Instant before = errors.instant(query.filter("published_before").orElse(null), "filter[published_before]");
        errors.throwIfAny();
        List<Long> categoryIds = null;
        if (query.filter("category").isPresent()) {
            categoryIds = categories.withDescendants(query.filter("category").get()).orElse(null);
            if (categoryIds == null) {
                return null;
            }
        }
        Long tagId = null;
        if (query.filter("tag").isPresent()) {
            var tag = tags.find(query.filter("tag").get()).filter(t -> !t.internal()).orElse(null);
            if (tag == null) {
                return null;
            }
            tagId = tag.id();
        }
        Long authorId = null;
        if (query.filter("author").isPresent()) {
            var author = profiles.findBySlug(query.filter("author").get()).orElse(null);
            if (author == null) {
                return null;
            }
            authorId = author.id();
        }
        return new PostQueries.Filter(type, categoryIds, tagId, authorId, visibility, premium, featured, after, before,
                query.search().orElse(null), null, null);
    }

    static @Nullable Boolean bool(@Nullable String value, String field, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(field, "must be true or false");
            return null;
        }
        return Boolean.valueOf(value);
    }

    @GetMapping("/posts/{idOrSlug}")
    @Operation(summary = "One published (or archived) post; gated posts without access answer with the teaser and body_html null")
    @ApiResponse(responseCode = "200", description = "the post", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PostViews.Detail.class)))
    ResponseEntity<byte[]> get(@PathVariable String idOrSlug, HttpServletRequest request) {
        var post = readable(idOrSlug);
        var response = caches.respond(request, "post:" + post.slug(), () -> views.variants(post), views::forCaller);
        if (post.status().equals("archived")) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).header("X-Robots-Tag", "noindex")
                    .body(response.getBody());
        }
        return response;
    }

    @GetMapping("/posts/{idOrSlug}/related")
    @Operation(summary = "Published posts of the same type sharing tags (×2) and categories (×1), best first")
    @ApiResponse(responseCode = "200", description = "related posts", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SummaryList.class)))
    ResponseEntity<byte[]> related(@PathVariable String idOrSlug,
            @Parameter(description = "1 to 12, default 4") @RequestParam(defaultValue = "4") int limit, HttpServletRequest request) {
        if (limit < 1 || limit > 12) {
            throw ApiException.invalid("limit", "must be from 1 to 12");
        }
        var post = readable(idOrSlug);
        return caches.respond(request, "related:" + post.id() + ":" + limit,
                () -> new SummaryList(views.summaries(queries.related(post, limit, Instant.now(clock)), Callers.current())));
    }

    record SummaryList(List<PostViews.Summary> data) {
    }

    record Adjacent(PostViews.@Nullable Summary previous, PostViews.@Nullable Summary next) {
    }

    @GetMapping("/posts/{idOrSlug}/adjacent")
    @Operation(summary = "The published posts just before and after this one (?same_category=true: in its primary category)")
    @ApiResponse(responseCode = "200", description = "previous and next", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Adjacent.class)))
    ResponseEntity<byte[]> adjacent(@PathVariable String idOrSlug,
            @RequestParam(name = "same_category", defaultValue = "false") boolean sameCategory, HttpServletRequest request) {
        var post = readable(idOrSlug);
        return caches.respond(request, "adjacent:" + post.id() + ":" + sameCategory, () -> {
            Long category = sameCategory ? posts.links(post.id()).categories().stream().findFirst().orElse(null) : null;
            Instant now = Instant.now(clock);
            var caller = Callers.current();
            var previous = queries.adjacent(post, false, category, now);
            var next = queries.adjacent(post, true, category, now);
            return new Adjacent(previous == null ? null : views.summaries(List.of(previous), caller).getFirst(),
                    next == null ? null : views.summaries(List.of(next), caller).getFirst());
        });
    }

    @GetMapping(value = "/posts/feed.xml", produces = "application/rss+xml")
    @Operation(summary = "RSS 2.0 of the 50 newest posts; gated ones with their excerpt only")
    @ApiResponse(responseCode = "200", description = "the feed", content = @Content(mediaType = "application/rss+xml",
            schema = @Schema(type = "string")))
    ResponseEntity<byte[]> feed(@PageParams(filters = {"category", "tag"}, defaultPerPage = 50, maxPerPage = 50) PageQuery query,
            HttpServletRequest request) {
        var filter = publicFilter(query);
        var body = caches.reads().get("feed?" + request.getQueryString(), key -> {
            var rows = filter == null ? List.<Post>of()
                    : queries.published(new PageQuery(1, 50, List.of(new PageQuery.Sort("published_at", true)), query.filters(), null),
                            filter, Instant.now(clock)).rows();
            byte[] xml = rss(rows);
            return new CachedBody(xml, Conditional.etagOf(xml), MediaType.parseMediaType("application/rss+xml;charset=UTF-8"));
        });
        return body.respond(request, ContentCaches.PUBLIC_CACHE);
    }

    private byte[] rss(List<Post> rows) {
        var full = posts.findAll(rows.stream().map(Post::id).toList());
        var links = posts.links(full.stream().map(Post::id).toList());
        var authorNames = views.profiles(links.values().stream().flatMap(l -> l.authors().stream()).distinct().toList());
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel><title>Revolution Trading Pros</title><link>/blog</link><description>Trading education from Revolution Trading Pros</description>");
        DateTimeFormatter rfc1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH).withZone(ZoneOffset.UTC);
        for (Post post : full) {
            var postLinks = links.getOrDefault(post.id(), Links.NONE);
            xml.append("<item><title>").append(escape(post.title())).append("</title><link>").append(escape(post.url()))
                    .append("</link><guid isPermaLink=\"false\">post-").append(post.id()).append("</guid>");
            if (post.publishedAt() != null) {
                xml.append("<pubDate>").append(rfc1123.format(post.publishedAt())).append("</pubDate>");
            }
            postLinks.authors().stream().map(authorNames::get).filter(Objects::nonNull).findFirst()
                    .ifPresent(author -> xml.append("<dc:creator>").append(escape(author.displayName())).append("</dc:creator>"));
            xml.append("<description>").append(escape(post.shownExcerpt())).append("</description>");
            if (!post.gated()) {
                xml.append("<content:encoded>").append(escape(post.bodyHtml())).append("</content:encoded>");
            }
            xml.append("</item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    record AuthorView(long id, String slug, String displayName, @Nullable String avatarUrl, @Nullable String bio, @Nullable String websiteUrl,
            @Schema(description = "network (x, youtube, linkedin, …) to its link") Map<String, String> socialLinks, long postCount, String url) {
        static AuthorView of(PublicProfiles.PublicProfile profile, long postCount) {
            return new AuthorView(profile.id(), profile.slug(), profile.displayName(), profile.avatarUrl(), profile.bio(), profile.websiteUrl(),
                    profile.socialLinks(), postCount, ContentPaths.author(profile.slug()));
        }
    }

    record AuthorList(List<AuthorView> data) {
    }

    @GetMapping("/posts/authors")
    @Operation(summary = "People with at least one published post")
    @ApiResponse(responseCode = "200", description = "the authors", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AuthorList.class)))
    ResponseEntity<byte[]> authors(@Parameter(description = "display_name (default) or post_count, - for descending")
            @RequestParam(defaultValue = "display_name") String sort, HttpServletRequest request) {
        String field = sort.startsWith("-") ? sort.substring(1) : sort;
        if (!field.equals("display_name") && !field.equals("post_count")) {
            throw ApiException.invalid("sort", "must be display_name or post_count (prefix - for descending)");
        }
        return caches.respond(request, "authors?" + sort, () -> {
            var counts = queries.authorsWithPosts(Instant.now(clock));
            Comparator<AuthorView> order = field.equals("post_count") ? Comparator.comparingLong(AuthorView::postCount)
                    : Comparator.comparing(a -> a.displayName().toLowerCase(Locale.ROOT));
            var list = profiles.find(counts.keySet()).values().stream()
                    .map(p -> AuthorView.of(p, counts.get(p.id())))
                    .sorted(sort.startsWith("-") ? order.reversed() : order).toList();
            return new AuthorList(list);
        });
    }

    @GetMapping("/posts/authors/{slug}")
    @Operation(summary = "One author's public profile; 404 without a published post")
    @ApiResponse(responseCode = "200", description = "the author", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AuthorView.class)))
    ResponseEntity<byte[]> author(@PathVariable String slug, HttpServletRequest request) {
        var profile = profiles.findBySlug(slug).orElseThrow(() -> ApiException.notFound("author"));
        Long count = queries.authorsWithPosts(Instant.now(clock)).get(profile.id());
        if (count == null) {
            throw ApiException.notFound("author");
        }
        return caches.respond(request, "author:" + slug, () -> AuthorView.of(profile, count));
    }

    /** The post a public reader may open by id or slug, else 404. */
    private Post readable(String idOrSlug) {
        Instant now = Instant.now(clock);
        return Slugs.asId(idOrSlug).flatMap(posts::find).filter(p -> p.publiclyReadable(now))
                .or(() -> posts.findBySlug(idOrSlug).filter(p -> p.publiclyReadable(now)))
                .orElseThrow(() -> ApiException.notFound("post"));
    }
}
