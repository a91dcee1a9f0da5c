package com.revolutiontradingpros.api.content.posts;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.content.bulk.BulkActions;
import com.revolutiontradingpros.api.content.html.HtmlSanitizer;
import com.revolutiontradingpros.api.content.html.PostBodies;
import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;
import com.revolutiontradingpros.api.platform.web.HttpProperties;
import com.revolutiontradingpros.api.users.PublicProfiles;

/** The editors' and authors' side of posts: lists in every status, editing, the status machine, revisions and previews. */
@RestController
@RequiresRole(Role.AUTHOR)
@Tag(name = "Posts (staff)")
class PostsAdminController {

    private final PostService service;
    private final PostRepository posts;
    private final PostQueries queries;
    private final PostRevisions revisions;
    private final PreviewTokens previews;
    private final PostEditor editor;
    private final PostViews views;
    private final StaffFilters staffFilters;
    private final HtmlSanitizer sanitizer;
    private final String siteUrl;
    private final Clock clock;
    private final JsonMapper mapper;

    PostsAdminController(PostService service, PostRepository posts, PostQueries queries, PostRevisions revisions, PreviewTokens previews,
            PostEditor editor, PostViews views, StaffFilters staffFilters, HtmlSanitizer sanitizer,
            HttpProperties http, Clock clock, JsonMapper mapper) {
        this.service = service;
        this.posts = posts;
        this.queries = queries;
        this.revisions = revisions;
        this.previews = previews;
        this.editor = editor;
        this.views = views;
        this.staffFilters = staffFilters;
        this.sanitizer = sanitizer;
        this.siteUrl = http.siteUrl().replaceAll("/+$", "");
        this.clock = clock;
        this.mapper = mapper;
    }

    record StaffPage(List<PostViews.StaffSummary> data, Page.Meta meta) {
    }

    @GetMapping("/admin/posts")
    @Operation(summary = "Posts in every status for the staff; authors see published posts and their own")
    ResponseEntity<StaffPage> list(CurrentUser caller, @PageParams(sort = {"updated_at", "created_at", "published_at", "publish_at", "title",
            "view_count"}, defaultSort = "-updated_at", filters = {"status", "type", "author", "category", "tag", "visibility"},
            searchable = true) PageQuery query) {
        var filter = staffFilters.of(caller, query);
        var result = queries.staff(query, filter);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new StaffPage(views.staffSummaries(result.rows()), query.page(List.of(), result.total()).meta()));
    }

    record Autosave(String title, @Nullable String excerpt, String bodyHtml, @Nullable Object bodyJson, Instant savedAt) {
    }

    record AdminPost(long id, String type, String status, boolean trashed, String title, String slug, String url, @Nullable String excerpt,
            String autoExcerpt, String bodyHtml, @Nullable Object bodyJson, @Nullable String teaserHtml, String visibility,
            List<Long> authorIds, List<PostViews.Author> authors, List<Long> categoryIds, List<Long> tagIds, List<PostViews.Term> tags,
            List<Long> productIds, @Nullable Long featuredMediaId, boolean isFeatured, int wordCount, int readingTimeMinutes,
            List<PostBodies.Heading> toc, long viewCount, @Nullable Instant publishAt, @Nullable Instant publishedAt, long previewTokenCount,
            @Schema(description = "the caller's autosave, when newer than the post") @Nullable Autosave autosave, Instant createdAt,
            Instant updatedAt, @Nullable Instant deletedAt, int version) {
    }

    @GetMapping("/admin/posts/{id}")
    @Operation(summary = "A post for editing, with its version (ETag), preview token count and the caller's newer autosave")
    ResponseEntity<AdminPost> get(CurrentUser caller, @PathVariable long id) {
        var loaded = service.load(id);
        PostRules.requireVisible(caller, loaded.post(), loaded.links());
        return edited(ResponseEntity.ok(), caller, id);
    }

    private ResponseEntity<AdminPost> edited(ResponseEntity.BodyBuilder response, CurrentUser caller, long id) {
        var post = posts.find(id).orElseThrow(() -> ApiException.notFound("post"));
        var links = posts.links(id);
        var autosave = revisions.autosaveOf(id, caller.id()).filter(a -> a.createdAt().isAfter(post.updatedAt()))
                .map(a -> new Autosave(a.title(), a.excerpt(), a.bodyHtml(), json(a.bodyJson()), a.createdAt())).orElse(null);
        var body = new AdminPost(post.id(), post.type(), post.status(), post.trashed(), post.title(), post.slug(), post.url(), post.excerpt(),
                post.autoExcerpt(), post.bodyHtml(), json(post.bodyJson()), post.teaserHtml(), post.visibility(), links.authors(),
                views.authors(links, views.profiles(links.authors())), links.categories(), links.tags(), views.allTags(links), links.products(),
                post.featuredMediaId(), post.featured(), post.wordCount(), post.readingTimeMinutes(), PostBodies.toc(post.bodyHtml()),
                post.viewCount(), post.publishAt(), post.publishedAt(), previews.countUnexpired(id), autosave, post.createdAt(),
                post.updatedAt(), post.deletedAt(), post.version());
        return response.cacheControl(CacheControl.noStore()).header(HttpHeaders.ETAG, post.etag()).body(body);
    }

    private @Nullable Object json(@Nullable String text) {
        return text == null ? null : mapper.readTree(text);
    }

    record Stats(Map<String, Long> counts, List<PostQueries.Month> publishedPerMonth, List<PostQueries.Top> top) {
    }

    @GetMapping("/posts/stats")
    @Operation(summary = "Counts per status, posts published per month over from–to, and the 10 most viewed; authors see their own")
    ResponseEntity<Stats> stats(CurrentUser caller, @Parameter(description = "RFC 3339, default a year ago") @RequestParam(required = false)
            @Nullable String from, @Parameter(description = "RFC 3339, default now") @RequestParam(required = false) @Nullable String to) {
        var errors = new FieldErrors();
        Instant start = Optional.ofNullable(errors.instant(from, "from")).orElse(Instant.now(clock).minus(Duration.ofDays(365)));
        Instant end = Optional.ofNullable(errors.instant(to, "to")).orElse(Instant.now(clock));
        if (errors.isEmpty() && end.isBefore(start)) {
            errors.add("to", "must not be before from");
        }
        errors.throwIfAny();
        Long author = PostRules.isEditor(caller) ? null : caller.id();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Stats(queries.countsByStatus(author), queries.publishedPerMonth(start, end, author), queries.mostViewed(author)));
    }

    /** For the OpenAPI document: the fields of a create or PATCH body. */
    record PostFields(@Schema(allowableValues = {"post", "page"}) @Nullable String type, @Nullable String title, @Nullable String slug,
            @Nullable String excerpt, @Nullable String bodyHtml, @Nullable Object bodyJson, @Nullable String teaserHtml,
            @Schema(allowableValues = {"public", "members", "paid"}) @Nullable String visibility, @Nullable List<Long> productIds,
            @Nullable List<Long> categoryIds, @Nullable List<Long> tagIds, @Nullable List<String> tagNames, @Nullable Long featuredMediaId,
            @Schema(description = "editors only") @Nullable List<Long> authorIds,
            @Schema(description = "editors only") @Nullable Boolean isFeatured,
            @Schema(description = "editors only: backdate a published post") @Nullable Instant publishedAt) {
    }

    @PostMapping("/posts")
    @Operation(summary = "Create a draft post or page; the slug comes from the title when absent; 201")
    ResponseEntity<AdminPost> create(CurrentUser caller, @RequestBody @Schema(implementation = PostFields.class) Map<String, @Nullable Object> body) {
        long id = service.create(caller, body);
        return edited(ResponseEntity.created(URI.create("/admin/posts/" + id)), caller, id);
    }

    @PatchMapping("/posts/{id}")
    @Operation(summary = "Change any field (merge patch); If-Match; authors only their own posts that are not live")
    ResponseEntity<AdminPost> update(CurrentUser caller, @PathVariable long id,
            @RequestBody @Schema(implementation = PostFields.class) Map<String, @Nullable Object> body, HttpServletRequest request) {
        var current = posts.find(id).orElseThrow(() -> ApiException.notFound("post"));
        requireVersion(request, current);
        service.update(caller, id, body, current.version());
        return edited(ResponseEntity.ok(), caller, id);
    }

    @DeleteMapping("/posts/{id}")
    @Operation(summary = "Move to the trash (the slug stays reserved)")
    ResponseEntity<Void> trash(CurrentUser caller, @PathVariable long id) {
        service.trash(caller, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/posts/{id}/restore")
    @Operation(summary = "Bring a trashed post back as a draft")
    ResponseEntity<AdminPost> restore(CurrentUser caller, @PathVariable long id) {
        service.restore(caller, id);
        return edited(ResponseEntity.ok(), caller, id);
    }

    @DeleteMapping("/posts/{id}/permanent")
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Delete a trashed post for good (409 not_trashed otherwise)")
    ResponseEntity<Void> deletePermanently(@PathVariable long id) {
        service.deletePermanently(id);
        return ResponseEntity.noContent().build();
    }

    record Publish(@Nullable Boolean notifySubscribers, @Schema(description = "a past time to backdate") @Nullable Instant publishedAt) {
    }

    @PostMapping("/posts/{id}/publish")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Publish now (draft or scheduled); published_at in the past backdates")
    ResponseEntity<AdminPost> publish(CurrentUser caller, @PathVariable long id, @RequestBody(required = false) @Nullable Publish body) {
        service.publish(caller, id, body == null ? null : body.publishedAt(), body != null && Boolean.TRUE.equals(body.notifySubscribers()));
        return edited(ResponseEntity.ok(), caller, id);
    }

    record Schedule(@NotNull Instant publishAt) {
    }

    @PostMapping("/posts/{id}/schedule")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Schedule (or move) the publication: strictly in the future, at most 366 days ahead")
    ResponseEntity<AdminPost> schedule(CurrentUser caller, @PathVariable long id, @Valid @RequestBody Schedule body) {
        service.schedule(caller, id, body.publishAt());
        return edited(ResponseEntity.ok(), caller, id);
    }

    @PostMapping("/posts/{id}/unschedule")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Back to draft; the pending publication is cancelled")
    ResponseEntity<AdminPost> unschedule(CurrentUser caller, @PathVariable long id) {
        service.unschedule(caller, id);
        return edited(ResponseEntity.ok(), caller, id);
    }

    @PostMapping("/posts/{id}/unpublish")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Take a published post back to draft")
    ResponseEntity<AdminPost> unpublish(CurrentUser caller, @PathVariable long id) {
        service.unpublish(caller, id);
        return edited(ResponseEntity.ok(), caller, id);
    }

    @PostMapping("/posts/{id}/archive")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Archive a draft or published post: readable by direct link only, noindex")
    ResponseEntity<AdminPost> archive(CurrentUser caller, @PathVariable long id) {
        service.archive(caller, id);
        return edited(ResponseEntity.ok(), caller, id);
    }

    @PostMapping("/posts/{id}/unarchive")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Archived back to draft")
    ResponseEntity<AdminPost> unarchive(CurrentUser caller, @PathVariable long id) {
        service.unarchive(caller, id);
        return edited(ResponseEntity.ok(), caller, id);
    }

    @PostMapping("/posts/{id}/duplicate")
    @Operation(summary = "A new draft copy with the caller as its only author")
    ResponseEntity<AdminPost> duplicate(CurrentUser caller, @PathVariable long id) {
        long copy = service.duplicate(caller, id);
        return edited(ResponseEntity.created(URI.create("/admin/posts/" + copy)), caller, copy);
    }

    record RevisionRow(long id, String kind, String title, int wordCount, PostViews.Author savedBy, Instant createdAt) {
    }

    record RevisionPage(List<RevisionRow> data, Page.Meta meta) {
    }

    @GetMapping("/posts/{id}/revisions")
    @Operation(summary = "Revisions, newest first; other people's autosaves are hidden from authors")
    RevisionPage revisions(CurrentUser caller, @PathVariable long id, @PageParams PageQuery query) {
        var loaded = service.load(id);
        PostRules.requireVisible(caller, loaded.post(), loaded.links());
        boolean all = PostRules.isEditor(caller);
        var rows = revisions.list(id, caller.id(), all, query.limit(), query.offset());
        var savers = views.profiles(rows.stream().map(PostRevisions.Revision::savedBy).distinct().toList());
        var data = rows.stream().map(r -> new RevisionRow(r.id(), r.kind(), r.title(), r.wordCount(), saver(savers, r.savedBy()),
                r.createdAt())).toList();
        var page = query.page(data, revisions.count(id, caller.id(), all));
        return new RevisionPage(page.data(), page.meta());
    }

    private static PostViews.Author saver(Map<Long, PublicProfiles.PublicProfile> profiles, long id) {
        var profile = profiles.get(id);
        return profile == null ? new PostViews.Author(id, Long.toString(id), "User " + id, null, "") : PostViews.author(profile);
    }

    record RevisionDetail(long id, String kind, String title, @Nullable String excerpt, @Nullable String teaserHtml, String bodyHtml,
            @Nullable Object bodyJson, int wordCount, PostViews.Author savedBy, Instant createdAt,
            @Schema(description = "fields that differ from the current post") List<String> changedFields) {
    }

    @GetMapping("/posts/{id}/revisions/{revisionId}")
    @Operation(summary = "One revision with its content and the fields that differ from the current post")
    RevisionDetail revision(CurrentUser caller, @PathVariable long id, @PathVariable long revisionId) {
        var loaded = service.load(id);
        PostRules.requireVisible(caller, loaded.post(), loaded.links());
        var r = revisions.find(id, revisionId)
                .filter(rev -> !rev.kind().equals("autosave") || rev.savedBy() == caller.id() || PostRules.isEditor(caller))
                .orElseThrow(() -> ApiException.notFound("revision"));
        var post = loaded.post();
        var changed = new ArrayList<String>();
        if (!r.title().equals(post.title())) {
            changed.add("title");
        }
        if (!java.util.Objects.equals(r.excerpt(), post.excerpt())) {
            changed.add("excerpt");
        }
        if (!java.util.Objects.equals(r.teaserHtml(), post.teaserHtml())) {
            changed.add("teaser_html");
        }
        if (!r.bodyHtml().equals(post.bodyHtml())) {
            changed.add("body_html");
        }
        if (!java.util.Objects.equals(json(r.bodyJson()), json(post.bodyJson()))) {
            changed.add("body_json");
        }
        return new RevisionDetail(r.id(), r.kind(), r.title(), r.excerpt(), r.teaserHtml(), r.bodyHtml(), json(r.bodyJson()), r.wordCount(),
                saver(views.profiles(List.of(r.savedBy())), r.savedBy()), r.createdAt(), changed);
    }

    @PostMapping("/posts/{id}/revisions/{revisionId}/restore")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Copy a revision's title, excerpt, teaser and body into the post (live at once when published); If-Match")
    ResponseEntity<AdminPost> restoreRevision(CurrentUser caller, @PathVariable long id, @PathVariable long revisionId,
            HttpServletRequest request) {
        var current = posts.find(id).orElseThrow(() -> ApiException.notFound("post"));
        requireVersion(request, current);
        service.restoreRevision(caller, id, revisionId, current.version());
        return edited(ResponseEntity.ok(), caller, id);
    }

    record AutosaveBody(@NotNull @Size(max = 200) String title, @Nullable @Size(max = 500) String excerpt,
            @NotNull @Size(max = PostEditor.MAX_BODY) String bodyHtml, @Nullable Object bodyJson) {
    }

    @PutMapping("/posts/{id}/autosave")
    @Operation(summary = "Store the caller's autosave without changing the post (one per person and post)")
    Autosave autosave(CurrentUser caller, @PathVariable long id, @Valid @RequestBody AutosaveBody body) {
        var loaded = service.load(id);
        PostRules.requireEditable(caller, loaded.post(), loaded.links());
        String html = sanitizer.sanitize(body.bodyHtml());
        String bodyJson = body.bodyJson() == null ? null : mapper.writeValueAsString(body.bodyJson());
        if (bodyJson != null && bodyJson.length() > PostEditor.MAX_BODY) {
            throw ApiException.invalid("body_json", "must be at most 2 MB");
        }
        revisions.autosave(id, caller.id(), body.title(), body.excerpt(), html, bodyJson,
                PostBodies.analyse(html, null, false).wordCount());
        var saved = revisions.autosaveOf(id, caller.id()).orElseThrow();
        return new Autosave(saved.title(), saved.excerpt(), saved.bodyHtml(), json(saved.bodyJson()), saved.createdAt());
    }

    record NewPreviewToken(@Nullable @Min(3600) @Max(2592000) Integer expiresIn) {
    }

    record IssuedToken(long id, @Schema(description = "shown once") String token, String previewUrl, Instant expiresAt) {
    }

    record TokenRow(long id, long createdBy, Instant createdAt, Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
    }

    @PostMapping("/posts/{id}/preview-tokens")
    @Operation(summary = "A shareable preview link (1 hour to 30 days, default 7 days); at most 20 unexpired per post")
    ResponseEntity<IssuedToken> issuePreview(CurrentUser caller, @PathVariable long id,
            @Valid @RequestBody(required = false) @Nullable NewPreviewToken body) {
        var loaded = service.load(id);
        PostRules.requireVisible(caller, loaded.post(), loaded.links());
        if (loaded.post().trashed()) {
            throw ApiException.notFound("post");
        }
        int seconds = body == null || body.expiresIn() == null ? 604800 : body.expiresIn();
        var issued = previews.issue(id, caller.id(), Instant.now(clock).plusSeconds(seconds))
                .orElseThrow(() -> ApiException.conflict("too_many_preview_tokens", "revoke a token first: 20 are active"));
        return ResponseEntity.created(URI.create("/posts/" + id + "/preview-tokens/" + issued.token().id()))
                .body(new IssuedToken(issued.token().id(), issued.value(), siteUrl + "/preview/" + issued.value(), issued.token().expiresAt()));
    }

    record TokenList(List<TokenRow> data) {
    }

    @GetMapping("/posts/{id}/preview-tokens")
    @Operation(summary = "The post's preview tokens (never their values)")
    TokenList previewTokens(CurrentUser caller, @PathVariable long id) {
        var loaded = service.load(id);
        PostRules.requireVisible(caller, loaded.post(), loaded.links());
        return new TokenList(previews.list(id).stream()
                .map(t -> new TokenRow(t.id(), t.createdBy(), t.createdAt(), t.expiresAt(), t.lastUsedAt(), t.revokedAt())).toList());
    }

    @DeleteMapping("/posts/{id}/preview-tokens/{tokenId}")
    @Operation(summary = "Revoke a preview token at once")
    ResponseEntity<Void> revokePreview(CurrentUser caller, @PathVariable long id, @PathVariable long tokenId) {
        var loaded = service.load(id);
        PostRules.requireVisible(caller, loaded.post(), loaded.links());
        if (!previews.revoke(id, tokenId)) {
            throw ApiException.notFound("preview token");
        }
        return ResponseEntity.noContent().build();
    }

    record SlugSuggestion(String slug, boolean available) {
    }

    @GetMapping("/posts/slug-suggestion")
    @Operation(summary = "The unique, non-reserved slug a save would get for a title (or a wanted slug)")
    SlugSuggestion slugSuggestion(@RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable String slug,
            @RequestParam(name = "exclude_id", required = false) @Nullable Long excludeId) {
        if ((title == null || title.isBlank()) && (slug == null || slug.isBlank())) {
            throw ApiException.invalid("title", "send title or slug");
        }
        if ((title != null ? title : slug).length() > 200) {
            throw ApiException.invalid(title != null ? "title" : "slug", "must be at most 200 characters");
        }
        long except = excludeId == null ? 0 : excludeId;
        if (slug != null && !slug.isBlank()) {
            boolean available = com.revolutiontradingpros.api.platform.text.Slugs.isValid(slug) && !PostRules.RESERVED_SLUGS.contains(slug)
                    && !posts.slugTaken(slug, except);
            return new SlugSuggestion(available ? slug : editor.uniqueSlug(slug, except), available);
        }
        return new SlugSuggestion(editor.uniqueSlug(title, except), true);
    }

    record Bulk(@NotBlank @Schema(allowableValues = {"publish", "unpublish", "archive", "unarchive", "trash", "restore", "feature",
            "unfeature", "set_visibility", "set_categories", "add_tags", "remove_tags", "set_authors"}) String action,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Positive Long> ids,
            @Schema(description = "set_visibility: {visibility, product_ids}; set_categories: {category_ids}; add_tags/remove_tags: "
                    + "{tag_ids}; set_authors: {author_ids}") @Nullable Map<String, @Nullable Object> params) {
    }

    @PostMapping("/posts/bulk")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "One action on 1–100 posts, each on its own with the single endpoint's rules; 200 with a result per id")
    BulkActions.BulkAnswer bulk(CurrentUser caller, @Valid @RequestBody Bulk body) {
        BulkActions.requireDistinct(body.ids());
        var params = body.params() == null ? Map.<String, @Nullable Object>of() : body.params();
        Runnable check = switch (body.action()) {
            case "set_visibility" -> () -> require(params, "visibility");
            case "set_categories" -> () -> require(params, "category_ids");
            case "add_tags", "remove_tags" -> () -> require(params, "tag_ids");
            case "set_authors" -> () -> require(params, "author_ids");
            case "publish", "unpublish", "archive", "unarchive", "trash", "restore", "feature", "unfeature" -> () -> { };
            default -> throw ApiException.invalid("action", "is not a bulk action");
        };
        check.run();
        return BulkActions.run(body.ids(), id -> apply(caller, body.action(), id, params));
    }

    private static void require(Map<String, @Nullable Object> params, String key) {
        if (!params.containsKey(key)) {
            throw ApiException.invalid("params." + key, "is required for this action");
        }
    }

    private void apply(CurrentUser caller, String action, long id, Map<String, @Nullable Object> params) {
        switch (action) {
            case "publish" -> service.publish(caller, id, null, false);
            case "unpublish" -> service.unpublish(caller, id);
            case "archive" -> service.archive(caller, id);
            case "unarchive" -> service.unarchive(caller, id);
            case "trash" -> service.trash(caller, id);
            case "restore" -> service.restore(caller, id);
            case "feature", "unfeature" -> service.update(caller, id, Map.of("is_featured", action.equals("feature")), null);
            case "set_visibility" -> {
                var change = new HashMap<String, @Nullable Object>();
                change.put("visibility", params.get("visibility"));
                change.put("product_ids", params.getOrDefault("product_ids", List.of()));
                service.update(caller, id, change, null);
            }
            case "set_categories" -> service.update(caller, id, Map.of("category_ids", params.get("category_ids")), null);
            case "set_authors" -> service.update(caller, id, Map.of("author_ids", params.get("author_ids")), null);
            case "add_tags", "remove_tags" -> {
                var current = new ArrayList<Object>(posts.links(id).tags());
                if (!(params.get("tag_ids") instanceof List<?> given)
                        || !given.stream().allMatch(t -> t instanceof Integer || t instanceof Long)) {
                    throw ApiException.invalid("params.tag_ids", "must be a list of ids");
                }
                for (Object tag : given) {
                    Long tagId = ((Number) tag).longValue();
                    if (action.equals("remove_tags")) {
                        current.remove(tagId);
                    } else if (!current.contains(tagId)) {
                        current.add(tagId);
                    }
                }
                service.update(caller, id, Map.of("tag_ids", current), null);
            }
            default -> throw ApiException.invalid("action", "is not a bulk action");
        }
    }

    private static void requireVersion(HttpServletRequest request, Post current) {
        com.revolutiontradingpros.api.content.cache.Etags.requireVersion(request, "post", current.id(), current.version());
    }

}
