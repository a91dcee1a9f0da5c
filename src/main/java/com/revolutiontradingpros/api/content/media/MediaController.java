package com.revolutiontradingpros.api.content.media;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.InputStream;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.revolutiontradingpros.api.content.bulk.BulkActions;
import com.revolutiontradingpros.api.content.cache.Etags;
import com.revolutiontradingpros.api.content.usages.AssetUsages;
import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.storage.ObjectStorage;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;
import com.revolutiontradingpros.api.platform.web.Patch;

/** The media library (rows 49, 54–64 of 04-content): uploads, browsing, details, edits, deletes and signed links. */
@RestController
@Tag(name = "Media")
class MediaController {

    private static final Set<String> VISIBILITIES = Set.of("public", "private");
    private static final Set<String> KINDS = Set.of("image", "video", "audio", "document", "archive", "other");
    private static final Set<String> PATCH_FIELDS = Set.of("alt_text", "title", "caption", "folder_id", "visibility", "focal_x", "focal_y");

    private final MediaRepository repository;
    private final MediaService service;
    private final MediaViews views;
    private final AssetUsages usages;
    private final List<MediaOwners> owners;
    private final ObjectStorage storage;
    private final Clock clock;

    MediaController(MediaRepository repository, MediaService service, MediaViews views, AssetUsages usages, List<MediaOwners> owners,
            ObjectStorage storage, Clock clock) {
        this.repository = repository;
        this.service = service;
        this.views = views;
        this.usages = usages;
        this.owners = owners;
        this.storage = storage;
        this.clock = clock;
    }

    @PostMapping(path = "/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresRole(Role.AUTHOR)
    @Operation(summary = "Upload a file (≤ 100 MB); its type comes from its bytes; images are measured, stripped and get variants")
    @ApiResponse(responseCode = "201", description = "the new item")
    @ApiResponse(responseCode = "413", description = "payload_too_large")
    @ApiResponse(responseCode = "415", description = "unsupported_media_type")
    ResponseEntity<MediaViews.MediaDetail> upload(CurrentUser caller, @RequestPart("file") MultipartFile file,
            @RequestParam(name = "alt_text", required = false) @Nullable String altText,
            @RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable String caption,
            @RequestParam(name = "folder_id", required = false) @Nullable String folderId,
            @RequestParam(required = false) @Nullable String visibility) {
        var errors = new FieldErrors();
        var details = details(altText, title, caption, folderId, visibility, errors);
        if (file.isEmpty()) {
            errors.add("file", "must not be empty");
        }
        errors.throwIfAny();
        long id = service.create(source(file), filename(file), details, caller.id());
        return withEtag(ResponseEntity.created(URI.create("/media/" + id)), id);
    }

    static MediaService.Details details(@Nullable String altText, @Nullable String title, @Nullable String caption,
            @Nullable String folderId, @Nullable String visibility, FieldErrors errors) {
        check(altText, 1000, "alt_text", errors);
        check(title, 200, "title", errors);
        check(caption, 2000, "caption", errors);
        Long folder = null;
        if (folderId != null && !folderId.isBlank() && !folderId.equals("root")) {
            try {
                folder = Long.parseLong(folderId);
            } catch (NumberFormatException e) {
                errors.add("folder_id", "must be a folder id");
            }
        }
        String shown = visibility == null || visibility.isBlank() ? "public" : visibility;
        if (!VISIBILITIES.contains(shown)) {
            errors.add("visibility", "must be public or private");
        }
        return new MediaService.Details(blankToNull(altText), blankToNull(title), blankToNull(caption), folder, shown);
    }

    @GetMapping("/media")
    @RequiresRole(Role.AUTHOR)
    @Operation(summary = "The library: filter by kind, folder (id or root), mime_type, visibility, uploaded_by, unused, missing_alt; q on names")
    Page<MediaViews.MediaSummary> list(@PageParams(sort = {"created_at", "size_bytes", "original_filename"}, defaultSort = "-created_at",
            filters = {"kind", "folder", "mime_type", "visibility", "uploaded_by", "unused", "missing_alt"}, searchable = true) PageQuery query) {
        var errors = new FieldErrors();
        String kind = query.filter("kind").orElse(null);
        if (kind != null && !KINDS.contains(kind)) {
            errors.add("filter[kind]", "must be one of " + String.join(", ", KINDS.stream().sorted().toList()));
        }
        String folder = query.filter("folder").orElse(null);
        String visibility = query.filter("visibility").orElse(null);
        if (visibility != null && !VISIBILITIES.contains(visibility)) {
            errors.add("filter[visibility]", "must be public or private");
        }
        var filter = new MediaRepository.Filter(kind, folder != null && folder.equals("root"),
                folder == null || folder.equals("root") ? null : number(folder, "filter[folder]", errors), query.filter("mime_type").orElse(null),
                visibility, query.filter("uploaded_by").map(user -> number(user, "filter[uploaded_by]", errors)).orElse(null),
                flag(query, "unused", errors), flag(query, "missing_alt", errors), query.searchPattern().orElse(null));
        errors.throwIfAny();
        String order = query.orderBy(Map.of("created_at", "m.created_at", "size_bytes", "m.size_bytes",
                "original_filename", "lower(m.original_filename)"), "m.id DESC");
        var page = repository.list(filter, order, query.limit(), query.offset());
        return query.page(views.summaries(page.items()), page.total());
    }

    @GetMapping("/media/{id}")
    @RequiresRole(Role.AUTHOR)
    @Operation(summary = "One item: URL (public items), variants, srcset, dimensions, checksum, texts, focal point, usage count")
    ResponseEntity<MediaViews.MediaDetail> get(@PathVariable long id) {
        return withEtag(ResponseEntity.ok(), id);
    }

    @PatchMapping("/media/{id}")
    @RequiresRole(Role.AUTHOR)
    @Operation(summary = "Change texts, folder, visibility (the object moves, the URL changes) or focal point (thumbnails re-cropped); If-Match")
    ResponseEntity<MediaViews.MediaDetail> update(CurrentUser caller, @PathVariable long id,
            @RequestBody @Schema(implementation = MediaChange.class) Map<String, @Nullable Object> body, HttpServletRequest request) {
        var item = find(id);
        Etags.requireVersion(request, "media", id, item.version());
        var patch = new Patch(body, PATCH_FIELDS);
        var folder = patch.id("folder_id");
        var change = new MediaService.Change(patch.text("alt_text", 0, 1000), patch.isNull("alt_text"), patch.text("title", 0, 200),
                patch.isNull("title"), patch.text("caption", 0, 2000), patch.isNull("caption"), folder, patch.isNull("folder_id"),
                patch.oneOf("visibility", VISIBILITIES), scaled(patch.decimal("focal_x", 0, 1)), scaled(patch.decimal("focal_y", 0, 1)));
        patch.errors().throwIfAny();
        service.update(item, change, caller);
        return withEtag(ResponseEntity.ok(), id);
    }

    /** For the OpenAPI document: the fields a PATCH may send. */
    record MediaChange(@Nullable String altText, @Nullable String title, @Nullable String caption,
            @Schema(description = "null moves it to the root") @Nullable Long folderId,
            @Schema(allowableValues = {"public", "private"}) @Nullable String visibility, @Nullable Double focalX, @Nullable Double focalY) {
    }

    @PutMapping(path = "/media/{id}/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresRole(Role.AUTHOR)
    @Operation(summary = "Replace the file with an upload of the same kind; id, texts and usages stay; file_version + 1")
    ResponseEntity<MediaViews.MediaDetail> replace(CurrentUser caller, @PathVariable long id, @RequestPart("file") MultipartFile file,
            HttpServletRequest request) {
        var item = find(id);
        Etags.requireVersion(request, "media", id, item.version());
        service.replace(item, source(file), filename(file), caller);
        return withEtag(ResponseEntity.ok(), id);
    }

    record Crop(@NotNull @PositiveOrZero Integer x, @NotNull @PositiveOrZero Integer y, @NotNull @Positive Integer width,
            @NotNull @Positive Integer height) {
    }

    record EditRequest(@Nullable @Valid Crop crop, @Nullable @Schema(allowableValues = {"90", "180", "270"}) Integer rotate,
            @Nullable @Schema(allowableValues = {"horizontal", "vertical"}) String flip,
            @Nullable @Schema(allowableValues = {"replace", "copy"}) String saveAs) {
    }

    @PostMapping("/media/{id}/edit")
    @RequiresRole(Role.AUTHOR)
    @Operation(summary = "Crop, rotate and flip a raster image; save_as replace (200) or copy (201, a new item)")
    ResponseEntity<MediaViews.MediaDetail> edit(CurrentUser caller, @PathVariable long id, @Valid @RequestBody EditRequest body) {
        var errors = new FieldErrors();
        int rotate = body.rotate() == null ? 0 : body.rotate();
        if (rotate != 0 && rotate != 90 && rotate != 180 && rotate != 270) {
            errors.add("rotate", "must be 90, 180 or 270");
        }
        if (body.flip() != null && !body.flip().equals("horizontal") && !body.flip().equals("vertical")) {
            errors.add("flip", "must be horizontal or vertical");
        }
        String saveAs = body.saveAs() == null ? "replace" : body.saveAs();
        if (!saveAs.equals("replace") && !saveAs.equals("copy")) {
            errors.add("save_as", "must be replace or copy");
        }
        if (body.crop() == null && rotate == 0 && body.flip() == null) {
            errors.add("crop", "give a crop, a rotation or a flip");
        }
        errors.throwIfAny();
        var item = find(id);
        var crop = body.crop() == null ? null : new Rectangle(body.crop().x(), body.crop().y(), body.crop().width(), body.crop().height());
        boolean copy = saveAs.equals("copy");
        long result = service.edit(item, new MediaService.Edit(crop, rotate, "horizontal".equals(body.flip()), "vertical".equals(body.flip()),
                copy), caller);
        return withEtag(copy ? ResponseEntity.created(URI.create("/media/" + result)) : ResponseEntity.ok(), result);
    }

    @DeleteMapping("/media/{id}")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Delete the file, its variants and row; 409 media_in_use with the usages unless an admin passes force=true")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "409", description = "media_in_use, with `usages`")
    ResponseEntity<Void> delete(CurrentUser caller, @PathVariable long id, @RequestParam(defaultValue = "false") boolean force) {
        service.delete(find(id), force, caller);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/media/{id}/usage")
    @RequiresRole(Role.AUTHOR)
    @Operation(summary = "Where the item is used: module, owner, field, title and admin link")
    List<AssetUsages.Usage> usage(@PathVariable long id) {
        find(id);
        return usages.of(AssetUsages.MEDIA, id);
    }

    record SignedUrl(String url, Instant expiresAt) {
    }

    @GetMapping("/media/{id}/url")
    @RequiresRole(Role.MEMBER)
    @Operation(summary = "A time-limited URL for the item or one variant, for callers who may have it (authors, or members reading it in a post)")
    ResponseEntity<SignedUrl> url(CurrentUser caller, @PathVariable long id, @RequestParam(required = false) @Nullable String variant,
            @Parameter(description = "60–604800 seconds, default 900") @RequestParam(name = "expires_in", defaultValue = "900") long expiresIn,
            @Parameter(description = "adds Content-Disposition: attachment with the original name")
            @RequestParam(defaultValue = "false") boolean download) {
        if (expiresIn < 60 || expiresIn > 604_800) {
            throw ApiException.invalid("expires_in", "must be from 60 to 604800 seconds");
        }
        var item = repository.find(id).filter(found -> mayRead(found, caller)).orElseThrow(() -> ApiException.notFound("media"));
        String key = item.storageKey();
        if (variant != null) {
            String name = variant.contains(".") ? variant.substring(0, variant.indexOf('.')) : variant;
            String format = variant.endsWith(".webp") ? "webp" : "original";
            key = repository.variants(List.of(id)).stream().filter(v -> v.name().equals(name) && v.format().equals(format))
                    .map(MediaVariant::storageKey).findFirst()
                    .orElseThrow(() -> ApiException.invalid("variant", "is not a variant of this item (thumb, sm, md, lg; .webp for WebP)"));
        }
        var expires = Duration.ofSeconds(expiresIn);
        String url = (download ? storage.attachmentUrl(key, expires, item.originalFilename()) : storage.downloadUrl(key, expires)).toString();
        return ResponseEntity.ok().cacheControl(org.springframework.http.CacheControl.noStore())
                .body(new SignedUrl(url, clock.instant().plus(expires)));
    }

    private boolean mayRead(MediaItem item, CurrentUser caller) {
        if (caller.has(Role.AUTHOR) || item.isPublic()) {
            return true;
        }
        for (var use : usages.of(AssetUsages.MEDIA, item.id())) {
            for (MediaOwners owner : owners) {
                if (use.module().equals("content") && owner.ownerType().equals(use.ownerType()) && owner.canReadInFull(use.ownerId(), caller)) {
                    return true;
                }
            }
        }
        return false;
    }

    @PostMapping("/media/{id}/variants/regenerate")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Rebuild the item's variants (after a failure or a focal-point change); 202")
    ResponseEntity<MediaViews.MediaDetail> regenerate(@PathVariable long id) {
        service.regenerate(find(id));
        return ResponseEntity.accepted().body(views.detail(find(id)));
    }

    record Bulk(@NotBlank @Schema(allowableValues = {"move", "delete", "set_visibility"}) String action,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Positive Long> ids,
            @Schema(description = "move: target folder, null for the root") @Nullable Long folderId,
            @Schema(description = "set_visibility", allowableValues = {"public", "private"}) @Nullable String visibility) {
    }

    @PostMapping("/media/bulk")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Move, delete (the in-use guard applies per item) or change the visibility of 1–100 items; a result per id")
    BulkActions.BulkAnswer bulk(CurrentUser caller, @Valid @RequestBody Bulk body) {
        BulkActions.requireDistinct(body.ids());
        switch (body.action()) {
            case "move", "delete" -> { }
            case "set_visibility" -> {
                if (body.visibility() == null || !VISIBILITIES.contains(body.visibility())) {
                    throw ApiException.invalid("visibility", "must be public or private");
                }
            }
            default -> throw ApiException.invalid("action", "must be move, delete or set_visibility");
        }
        return BulkActions.run(body.ids(), id -> {
            var item = find(id);
            switch (body.action()) {
                case "move" -> service.moveToFolder(item, body.folderId());
                case "delete" -> service.delete(item, false, caller);
                default -> service.update(item, new MediaService.Change(null, false, null, false, null, false, null, false,
                        body.visibility(), null, null), caller);
            }
        });
    }

    record LargeFile(long id, String originalFilename, String kind, long sizeBytes) {
    }

    record Stats(List<MediaRepository.KindTotal> kinds, long unusedItems, long unusedBytes, List<LargeFile> largest, long imagesMissingAlt,
            long variantsPending, long variantsFailed, @Schema(allowableValues = {"local", "s3"}) String storageBackend) {
    }

    @GetMapping("/media/stats")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Items and bytes per kind, unused items, the 10 largest files, images missing alt text, variant backlog, backend")
    Stats stats() {
        var counts = repository.stats();
        return new Stats(repository.bytesPerKind(), counts.unusedItems(), counts.unusedBytes(),
                repository.largest(10).stream().map(m -> new LargeFile(m.id(), m.originalFilename(), m.kind(), m.sizeBytes())).toList(),
                counts.missingAlt(), counts.pending(), counts.failed(), storage.name());
    }

    private MediaItem find(long id) {
        return repository.find(id).orElseThrow(() -> ApiException.notFound("media"));
    }

    private ResponseEntity<MediaViews.MediaDetail> withEtag(ResponseEntity.BodyBuilder response, long id) {
        var item = find(id);
        return response.header(HttpHeaders.ETAG, Etags.of("media", id, item.version())).body(views.detail(item));
    }

    static MediaFiles.Source source(MultipartFile file) {
        return new MediaFiles.Source() {
            @Override
            public byte[] head() throws IOException {
                try (InputStream in = file.getInputStream()) {
                    return in.readNBytes(FileTypes.SNIFF_BYTES);
                }
            }

            @Override
            public InputStream open() throws IOException {
                return file.getInputStream();
            }

            @Override
            public long size() {
                return file.getSize();
            }
        };
    }

    static String filename(MultipartFile file) {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "file" : file.getOriginalFilename();
        // Browsers on Windows may send a whole path.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static java.math.@Nullable BigDecimal scaled(java.math.@Nullable BigDecimal value) {
        return value == null ? null : value.setScale(3, RoundingMode.HALF_UP);
    }

    private static void check(@Nullable String value, int max, String field, FieldErrors errors) {
        if (value != null && value.length() > max) {
            errors.add(field, "must be at most " + max + " characters");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static long number(String value, String field, FieldErrors errors) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            errors.add(field, "must be an id");
            return 0;
        }
    }

    private static boolean flag(PageQuery query, String name, FieldErrors errors) {
        var value = query.filter(name).orElse(null);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (!value.equals("true")) {
            errors.add("filter[" + name + "]", "must be true or false");
        }
        return value.equals("true");
    }
}
