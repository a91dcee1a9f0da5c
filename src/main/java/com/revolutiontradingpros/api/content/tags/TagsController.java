package com.revolutiontradingpros.api.content.tags;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.content.ContentPaths;
import com.revolutiontradingpros.api.content.bulk.BulkActions;
import com.revolutiontradingpros.api.content.cache.ContentCaches;
import com.revolutiontradingpros.api.content.cache.Etags;
import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.Callers;
import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.CachedBody;
import com.revolutiontradingpros.api.platform.web.Conditional;
import com.revolutiontradingpros.api.platform.web.FieldErrors;
import com.revolutiontradingpros.api.platform.web.Patch;

@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Tags")
class TagsController {

    private static final Set<String> PATCH_FIELDS = Set.of("name", "slug", "description");

    private final TagRepository repository;
    private final Tags tags;
    private final ContentCaches caches;
    private final JsonMapper json;

    TagsController(TagRepository repository, Tags tags, ContentCaches caches, JsonMapper json) {
        this.repository = repository;
        this.tags = tags;
        this.caches = caches;
        this.json = json;
    }

    record TagView(long id, String name, String slug, @Nullable String description, int postCount, String url,
            @Schema(description = "a #name tag, never shown to the public") boolean internal, Instant createdAt, Instant updatedAt,
            int version) {

        static TagView of(Tag tag) {
            return new TagView(tag.id(), tag.name(), tag.slug(), tag.description(), tag.postCount(), ContentPaths.tag(tag.slug()),
                    tag.internal(), tag.createdAt(), tag.updatedAt(), tag.version());
        }
    }

    record TagPage(List<TagView> data, Page.Meta meta) {
    }

    @GetMapping("/tags")
    @Public
    @Operation(summary = "Tags with post counts; q= matches the start of names (autocomplete); #internal tags for authors and up")
    @ApiResponse(responseCode = "200", description = "the tags", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = TagPage.class)))
    ResponseEntity<byte[]> list(@PageParams(sort = {"name", "post_count"}, defaultSort = "name", filters = {"min_posts"},
            searchable = true) PageQuery query, HttpServletRequest request) {
        query.filter("min_posts").ifPresent(min -> {
            if (!min.matches("\\d{1,9}")) {
                new FieldErrors().add("filter[min_posts]", "must be a whole number").throwIfAny();
            }
        });
        boolean staff = Callers.current().map(caller -> caller.has(Role.AUTHOR)).orElse(false);
        if (staff) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CACHE_CONTROL, ContentCaches.PRIVATE_CACHE)
                    .body(json.writeValueAsBytes(page(query, true)));
        }
        return caches.reads().get("tags?" + request.getQueryString(), key -> CachedBody.json(json.writeValueAsBytes(page(query, false))))
                .respond(request, ContentCaches.PUBLIC_CACHE);
    }

    private Page<TagView> page(PageQuery query, boolean withInternal) {
        var page = repository.list(query, withInternal);
        return query.page(page.rows().stream().map(TagView::of).toList(), page.total());
    }

    @GetMapping("/tags/{idOrSlug}")
    @Public
    @Operation(summary = "One tag with its description and post count; internal tags are 404 to the public")
    ResponseEntity<TagView> get(@PathVariable String idOrSlug, HttpServletRequest request) {
        var tag = tags.lookup(idOrSlug)
                .filter(t -> !t.internal() || Callers.current().map(caller -> caller.has(Role.AUTHOR)).orElse(false))
                .orElseThrow(() -> ApiException.notFound("tag"));
        String etag = Etags.of("tag", tag.id(), tag.version(), tag.postCount());
        var builder = ResponseEntity.ok().eTag(etag).header(HttpHeaders.CACHE_CONTROL,
                request.getHeader(HttpHeaders.AUTHORIZATION) == null ? ContentCaches.PUBLIC_CACHE : ContentCaches.PRIVATE_CACHE);
        if (Conditional.notModified(request, etag)) {
            return ResponseEntity.status(304).eTag(etag).build();
        }
        return builder.body(TagView.of(tag));
    }

    record NewTag(@NotBlank @Size(max = 60) String name, @Nullable @Size(min = 1, max = 200) String slug,
            @Nullable @Size(max = 500) String description) {
    }

    @PostMapping("/tags")
    @RequiresRole(Role.AUTHOR)
    @Operation(summary = "Create a tag; the name is unique ignoring case (409 tag_exists); a # prefix makes it internal")
    ResponseEntity<TagView> create(@Valid @RequestBody NewTag body) {
        long id = tags.create(body.name(), body.slug(), body.description());
        var tag = repository.find(id).orElseThrow();
        return ResponseEntity.created(URI.create("/tags/" + id)).eTag(Etags.of("tag", id, tag.version())).body(TagView.of(tag));
    }

    record TagChange(@Nullable String name, @Nullable String slug, @Nullable String description) {
    }

    @PatchMapping("/tags/{id}")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Rename (slug kept unless given), change the slug or description; If-Match")
    ResponseEntity<TagView> update(@PathVariable long id,
            @RequestBody @Schema(implementation = TagChange.class) Map<String, @Nullable Object> body, HttpServletRequest request) {
        var current = repository.find(id).orElseThrow(() -> ApiException.notFound("tag"));
        Etags.requireVersion(request, "tag", id, current.version());
        var patch = new Patch(body, PATCH_FIELDS);
        String name = patch.text("name", 1, 60);
        String slug = patch.text("slug", 1, 200);
        String description = patch.text("description", 0, 500);
        patch.errors().throwIfAny();
        tags.update(current, name, slug, description, patch.isNull("description"));
        var tag = repository.find(id).orElseThrow();
        return ResponseEntity.ok().eTag(Etags.of("tag", id, tag.version())).body(TagView.of(tag));
    }

    @DeleteMapping("/tags/{id}")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Remove the tag from every post and delete it")
    ResponseEntity<Void> delete(@PathVariable long id) {
        tags.delete(repository.find(id).orElseThrow(() -> ApiException.notFound("tag")));
        return ResponseEntity.noContent().build();
    }

    record Merge(@NotNull @Size(min = 1, max = 50) List<@NotNull @Positive Long> sourceIds, @NotNull @Positive Long targetId) {
    }

    @PostMapping("/tags/merge")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Merge tags into one: their posts get the target once, the sources are deleted (SEO redirects them)")
    TagView merge(@Valid @RequestBody Merge body) {
        if (body.sourceIds().contains(body.targetId())) {
            throw ApiException.invalid("target_id", "must not be among source_ids");
        }
        var target = repository.find(body.targetId()).orElseThrow(() -> ApiException.invalid("target_id", "is not a tag"));
        var sources = repository.findAll(body.sourceIds());
        var errors = new FieldErrors();
        var found = sources.stream().map(Tag::id).toList();
        for (int i = 0; i < body.sourceIds().size(); i++) {
            if (!found.contains(body.sourceIds().get(i))) {
                errors.add("source_ids[" + i + "]", "is not a tag");
            }
        }
        errors.throwIfAny();
        return TagView.of(tags.merge(sources, target));
    }

    record Bulk(@NotBlank @Schema(allowableValues = {"delete", "delete_unused"}) String action,
            @Nullable @Size(min = 1, max = 100) List<@NotNull @Positive Long> ids) {
    }

    /** delete answers per id; delete_unused answers how many went. */
    record TagBulkAnswer(@Nullable List<BulkActions.BulkResult> results, @Nullable Integer succeeded, @Nullable Integer failed,
            @Schema(description = "tags deleted by delete_unused") @Nullable Integer deleted) {
    }

    @PostMapping("/tags/bulk")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Delete tags by id ({action: delete, ids}) or every tag on no post ({action: delete_unused})")
    TagBulkAnswer bulk(@Valid @RequestBody Bulk body) {
        switch (body.action()) {
            case "delete_unused" -> {
                return new TagBulkAnswer(null, null, null, tags.deleteUnused());
            }
            case "delete" -> {
                if (body.ids() == null || body.ids().size() != body.ids().stream().distinct().count()) {
                    throw ApiException.invalid("ids", "must hold 1 to 100 distinct tag ids");
                }
                var answer = BulkActions.run(body.ids(),
                        id -> tags.delete(repository.find(id).orElseThrow(() -> ApiException.notFound("tag"))));
                return new TagBulkAnswer(answer.results(), answer.succeeded(), answer.failed(), null);
            }
            default -> throw ApiException.invalid("action", "must be delete or delete_unused");
        }
    }
}
