package com.revolutiontradingpros.api.content.categories;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.content.ContentPaths;
import com.revolutiontradingpros.api.content.cache.ContentCaches;
import com.revolutiontradingpros.api.content.cache.Etags;
import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.CachedBody;
import com.revolutiontradingpros.api.platform.web.Patch;

/** The blog's category tree: public reads (cached as bytes) and the editors' changes. */
@RestController
@Tag(name = "Categories")
class CategoriesController {

    private static final Set<String> PATCH_FIELDS = Set.of("name", "slug", "description", "parent_id", "image_media_id", "position");

    private final CategoryRepository repository;
    private final CategoryService service;
    private final ContentCaches caches;
    private final JsonMapper json;

    CategoriesController(CategoryRepository repository, CategoryService service, ContentCaches caches, JsonMapper json) {
        this.repository = repository;
        this.service = service;
        this.caches = caches;
        this.json = json;
    }

    record CategoryView(long id, String name, String slug, @Nullable String description, @Nullable Long parentId, int position,
            @Nullable Long imageMediaId, @Schema(description = "published posts filed directly in it") int postCount,
            @Schema(description = "published posts in it and every category below it") int totalPostCount, String url,
            @Schema(description = "sub-categories, with ?tree=true") @Nullable List<CategoryView> children, Instant createdAt,
            Instant updatedAt) {
    }

    record Crumb(long id, String name, String slug, String url) {
    }

    record CategoryDetail(long id, String name, String slug, @Nullable String description, @Nullable Long parentId, int position,
            @Nullable Long imageMediaId, int postCount, int totalPostCount, String url,
            @Schema(description = "ancestors, root first") List<Crumb> breadcrumb, List<CategoryView> children, Instant createdAt,
            Instant updatedAt, int version) {
    }

    @GetMapping("/categories")
    @Public
    @Operation(summary = "All categories with direct and total post counts; ?tree=true nests them")
    @ApiResponse(responseCode = "200", description = "the categories", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CategoryPage.class)))
    ResponseEntity<byte[]> list(@PageParams(sort = {"position", "name", "post_count"}, defaultSort = "position",
                    filters = {"parent"}, searchable = true, defaultPerPage = 1000, maxPerPage = 1000) PageQuery query,
            @Parameter(description = "nest children under their parents") @RequestParam(defaultValue = "false") boolean tree,
            @Parameter(description = "leave out categories without published posts (in them or below)")
            @RequestParam(name = "hide_empty", defaultValue = "false") boolean hideEmpty, HttpServletRequest request) {
        String key = "categories?" + request.getQueryString();
        return caches.reads().get(key, k -> CachedBody.json(json.writeValueAsBytes(list(query, tree, hideEmpty))))
                .respond(request, ContentCaches.PUBLIC_CACHE);
    }

    /** For the OpenAPI document: the list's shape. */
    record CategoryPage(List<CategoryView> data, Page.Meta meta) {
    }

    private Page<CategoryView> list(PageQuery query, boolean nested, boolean hideEmpty) {
        var tree = new CategoryTree(repository.all());
        var parent = query.filter("parent").orElse(null);
        List<Category> rows;
        if (parent != null) {
            Long parentId = parent.equals("root") ? null : Categories.resolve(parent, tree)
                    .orElseThrow(() -> ApiException.invalid("filter[parent]", "is not a category id, slug or root")).id();
            rows = tree.childrenOf(parentId);
        } else if (nested && query.search().isEmpty()) {
            rows = tree.childrenOf(null);
        } else {
            rows = tree.all();
        }
        String q = query.search().map(text -> text.toLowerCase(Locale.ROOT)).orElse(null);
        var views = new ArrayList<CategoryView>();
        for (Category category : rows) {
            if (q != null && !category.name().toLowerCase(Locale.ROOT).contains(q)) {
                continue;
            }
            var view = view(category, tree, nested && q == null, hideEmpty);
            if (!hideEmpty || view.totalPostCount() > 0) {
                views.add(view);
            }
        }
        var sort = query.sort().isEmpty() ? new PageQuery.Sort("position", false) : query.sort().getFirst();
        if (!sort.field().equals("position") || parent == null && !nested) {
            Comparator<CategoryView> order = switch (sort.field()) {
                case "name" -> Comparator.comparing(v -> v.name().toLowerCase(Locale.ROOT));
                case "post_count" -> Comparator.comparingInt(CategoryView::postCount);
                default -> Comparator.<CategoryView, Boolean>comparing(v -> v.parentId() != null)
                        .thenComparing(v -> v.parentId() == null ? 0L : v.parentId()).thenComparingInt(CategoryView::position)
                        .thenComparing(v -> v.name().toLowerCase(Locale.ROOT));
            };
            views.sort(sort.descending() ? order.reversed() : order);
        }
        int from = (int) Math.min(query.offset(), views.size());
        return query.page(views.subList(from, Math.min(views.size(), from + query.limit())), views.size());
    }

    private CategoryView view(Category category, CategoryTree tree, boolean nested, boolean hideEmpty) {
        List<CategoryView> children = null;
        if (nested) {
            children = tree.childrenOf(category.id()).stream().map(child -> view(child, tree, true, hideEmpty))
                    .filter(child -> !hideEmpty || child.totalPostCount() > 0).toList();
        }
        return new CategoryView(category.id(), category.name(), category.slug(), category.description(), category.parentId(),
                category.position(), category.imageMediaId(), category.postCount(), tree.totalPostCount(category.id()),
                ContentPaths.category(category.slug()), children, category.createdAt(), category.updatedAt());
    }

    @GetMapping("/categories/{idOrSlug}")
    @Public
    @Operation(summary = "One category with its breadcrumb, children and counts")
    @ApiResponse(responseCode = "200", description = "the category", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CategoryDetail.class)))
    ResponseEntity<byte[]> get(@PathVariable String idOrSlug, HttpServletRequest request) {
        // A miss throws its 404 out of the loader, so unknown slugs are never cached.
        return caches.reads().get("category:" + idOrSlug, key -> {
            var tree = new CategoryTree(repository.all());
            var category = Categories.resolve(idOrSlug, tree).orElseThrow(() -> ApiException.notFound("category"));
            byte[] bytes = json.writeValueAsBytes(detail(category, tree));
            return new CachedBody(bytes, Etags.of("category", category.id(), category.version(), tree.totalPostCount(category.id())
                    + "." + category.postCount()), MediaType.APPLICATION_JSON);
        }).respond(request, ContentCaches.PUBLIC_CACHE);
    }

    private CategoryDetail detail(Category category, CategoryTree tree) {
        var path = tree.path(category.id());
        var crumbs = path.subList(0, path.size() - 1).stream()
                .map(c -> new Crumb(c.id(), c.name(), c.slug(), ContentPaths.category(c.slug()))).toList();
        var children = tree.childrenOf(category.id()).stream().map(child -> view(child, tree, false, false)).toList();
        return new CategoryDetail(category.id(), category.name(), category.slug(), category.description(), category.parentId(),
                category.position(), category.imageMediaId(), category.postCount(), tree.totalPostCount(category.id()),
                ContentPaths.category(category.slug()), crumbs, children, category.createdAt(), category.updatedAt(), category.version());
    }

    record NewCategory(@NotBlank @Size(max = 80) String name, @Nullable @Size(min = 1, max = 200) String slug,
            @Nullable @Size(max = 1000) String description, @Nullable @Positive Long parentId, @Nullable @Positive Long imageMediaId,
            @Nullable @PositiveOrZero Integer position) {
    }

    @PostMapping("/categories")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Create a category (at most 3 levels deep); appended after its siblings unless position is given")
    ResponseEntity<CategoryDetail> create(@Valid @RequestBody NewCategory body) {
        long id = service.create(new CategoryService.Draft(body.name(), body.slug(), body.description(), body.parentId(),
                body.imageMediaId(), body.position()));
        return withEtag(ResponseEntity.created(URI.create("/categories/" + id)), id);
    }

    @PatchMapping("/categories/{id}")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Rename, change the slug, description or image, or move under another parent (null: to the root); If-Match")
    ResponseEntity<CategoryDetail> update(@PathVariable long id,
            @RequestBody @Schema(implementation = CategoryChange.class) Map<String, @Nullable Object> body, HttpServletRequest request) {
        var current = repository.find(id).orElseThrow(() -> ApiException.notFound("category"));
        Etags.requireVersion(request, "category", id, current.version());
        var patch = new Patch(body, PATCH_FIELDS);
        var change = new CategoryService.Change(patch.text("name", 1, 80), patch.text("slug", 1, 200),
                patch.text("description", 0, 1000), patch.isNull("description"), patch.id("parent_id"), patch.isNull("parent_id"),
                patch.id("image_media_id"), patch.isNull("image_media_id"), patch.integer("position", 0, Integer.MAX_VALUE));
        patch.errors().throwIfAny();
        service.update(current, change);
        return withEtag(ResponseEntity.ok(), id);
    }

    /** For the OpenAPI document: the fields a PATCH may send. */
    record CategoryChange(@Nullable String name, @Nullable String slug, @Nullable String description,
            @Schema(description = "null moves it to the root") @Nullable Long parentId, @Nullable Long imageMediaId,
            @Nullable Integer position) {
    }

    @DeleteMapping("/categories/{id}")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Delete a category: 409 category_has_posts unless reassign_to moves its posts; children move up")
    ResponseEntity<Void> delete(@PathVariable long id,
            @Parameter(description = "category that receives posts filed only here") @RequestParam(name = "reassign_to", required = false)
            @Nullable Long reassignTo) {
        var category = repository.find(id).orElseThrow(() -> ApiException.notFound("category"));
        service.delete(category, reassignTo);
        return ResponseEntity.noContent().build();
    }

    record Placement(@NotNull @Positive Long id, @Nullable @Positive Long parentId, @NotNull @PositiveOrZero Integer position) {
    }

    @PutMapping("/categories/order")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Save a drag-and-drop of any number of categories in one change; 200 with the new tree")
    Page<CategoryView> reorder(@RequestBody @Size(min = 1, max = 1000) List<@Valid Placement> body) {
        service.reorder(body.stream().map(p -> new CategoryService.Placement(p.id(), p.parentId(), p.position())).toList());
        return list(new PageQuery(1, 1000, List.of(), Map.of(), null), true, false);
    }

    private ResponseEntity<CategoryDetail> withEtag(ResponseEntity.BodyBuilder response, long id) {
        var tree = new CategoryTree(repository.all());
        var category = tree.get(id);
        if (category == null) {
            throw ApiException.notFound("category");
        }
        return response.header(HttpHeaders.ETAG, Etags.of("category", id, category.version())).body(detail(category, tree));
    }
}
