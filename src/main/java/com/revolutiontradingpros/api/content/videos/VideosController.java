package com.revolutiontradingpros.api.content.videos;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.content.bulk.BulkActions;
import com.revolutiontradingpros.api.content.cache.ContentCaches;
import com.revolutiontradingpros.api.content.cache.Etags;
import com.revolutiontradingpros.api.content.media.MediaLibrary;
import com.revolutiontradingpros.api.content.usages.AssetUsages;
import com.revolutiontradingpros.api.platform.access.Entitlements;
import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.Callers;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.text.Slugs;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

/** The video library (rows 70–73, 77–84, 96, 97 of 04-content): browsing, registering, editing and deleting videos. */
@RestController
@Tag(name = "Videos")
class VideosController {

    private final VideoRepository videos;
    private final VideoService service;
    private final VideoViews views;
    private final AssetUsages usages;
    private final MediaLibrary media;
    private final Entitlements entitlements;
    private final ContentCaches caches;
    private final JsonMapper json;
    private final VideoGate gate;

    VideosController(VideoRepository videos, VideoService service, VideoViews views, AssetUsages usages, MediaLibrary media,
            Entitlements entitlements, ContentCaches caches, JsonMapper json, VideoGate gate) {
        this.json = json;
        this.gate = gate;
        this.videos = videos;
        this.service = service;
        this.views = views;
        this.usages = usages;
        this.media = media;
        this.entitlements = entitlements;
        this.caches = caches;
    }

    record SummaryPage(List<VideoViews.Summary> data, Page.Meta meta) {
    }

    @GetMapping("/videos")
    @Public
    @Operation(summary = "Published videos, locked ones flagged; editors may also filter by status and processing_status")
    @ApiResponse(responseCode = "200", description = "a page of videos", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SummaryPage.class)))
    ResponseEntity<byte[]> list(@PageParams(sort = {"recorded_on", "published_at", "title", "view_count", "duration_seconds"},
            defaultSort = "-published_at", filters = {"kind", "room", "recorded_after", "recorded_before", "access", "status",
                    "processing_status"}, searchable = true) PageQuery query, HttpServletRequest request) {
        var caller = Callers.current();
        var errors = new FieldErrors();
        String kind = query.filter("kind").orElse(null);
        if (kind != null && !VideoEditor.KINDS.contains(kind)) {
            errors.add("filter[kind]", "must be one of " + String.join(", ", new java.util.TreeSet<>(VideoEditor.KINDS)));
        }
        String access = query.filter("access").orElse(null);
        if (access != null && !VideoEditor.ACCESS.contains(access)) {
            errors.add("filter[access]", "must be public, members or paid");
        }
        LocalDate after = errors.date(query.filter("recorded_after").orElse(null), "filter[recorded_after]");
        LocalDate before = errors.date(query.filter("recorded_before").orElse(null), "filter[recorded_before]");
        String status = query.filter("status").orElse(null);
        String processing = query.filter("processing_status").orElse(null);
        boolean staffFilter = status != null || processing != null;
        if (staffFilter && !caller.map(VideoViews.EDITORS::test).orElse(false)) {
            throw ApiException.forbidden("editor_required", "only editors filter by status and processing_status");
        }
        if (status != null && !List.of("draft", "published", "archived").contains(status)) {
            errors.add("filter[status]", "must be draft, published or archived");
        }
        if (processing != null && !List.of("pending", "processing", "ready", "failed").contains(processing)) {
            errors.add("filter[processing_status]", "must be pending, processing, ready or failed");
        }
        errors.throwIfAny();
        Long room = query.filter("room").map(this::room).orElse(null);
        var filter = new VideoRepository.Filter(kind, room, after, before, access, query.searchPattern().orElse(null),
                staffFilter ? status : "published", processing);
        String order = query.orderBy(Map.of("recorded_on", "recorded_on", "published_at", "published_at", "title", "lower(title)",
                "view_count", "view_count", "duration_seconds", "duration_seconds"), "id DESC");
        return caches.respond(request, "videos?" + request.getQueryString(), () -> {
            if (query.filter("room").isPresent() && room == null) {
                return query.page(List.of(), 0);
            }
            var page = videos.list(filter, order, query.limit(), query.offset());
            return query.page(views.summaries(page.items(), caller), page.total());
        });
    }

    @GetMapping("/videos/{idOrSlug}")
    @Public
    @Operation(summary = "One video with chapters, caption tracks, room and access block; never a playback URL; drafts only for editors")
    @ApiResponse(responseCode = "200", description = "the video", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VideoViews.Detail.class)))
    ResponseEntity<byte[]> get(@PathVariable String idOrSlug, HttpServletRequest request) {
        var caller = Callers.current();
        var video = gate.readable(idOrSlug, caller);
        if (caller.map(VideoViews.EDITORS::test).orElse(false)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(Etags.of("video", video.id(), video.version()))
                    .header(HttpHeaders.CACHE_CONTROL, ContentCaches.PRIVATE_CACHE).body(json.writeValueAsBytes(views.detail(video, caller)));
        }
        return caches.respond(request, "video:" + video.id(), () -> views.detail(video, caller));
    }

    record RoomArchive(VideoViews.ProductRef room, long archiveCount, LocalDate firstRecordedOn, LocalDate latestRecordedOn) {
    }

    @GetMapping("/videos/rooms")
    @Public
    @Operation(summary = "Trading rooms with published archives: the room product, archive count, first and latest recording day")
    @ApiResponse(responseCode = "200", description = "the rooms", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RoomArchive[].class)))
    ResponseEntity<byte[]> rooms(HttpServletRequest request) {
        return caches.respond(request, "video-rooms", () -> {
            var rooms = videos.rooms();
            var known = views.products(rooms.stream().map(VideoRepository.Room::productId).toList());
            return Map.of("data", rooms.stream().map(r -> new RoomArchive(known.get(r.productId()), r.archives(), r.first(), r.latest())).toList());
        });
    }

    record CalendarVideo(long id, String slug, String title, @Nullable String sessionLabel, @Nullable Integer durationSeconds, boolean locked) {
    }

    record CalendarDay(LocalDate date, List<CalendarVideo> videos) {
    }

    @GetMapping("/videos/calendar")
    @Public
    @Operation(summary = "A room's archive calendar for one month: the days with published archives and their videos")
    @ApiResponse(responseCode = "200", description = "days of the month with archives", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CalendarDay[].class)))
    ResponseEntity<byte[]> calendar(@Parameter(description = "the room product's id or slug", required = true)
            @RequestParam(name = "filter[room]", required = false) @Nullable String roomFilter,
            @Parameter(description = "YYYY-MM, default this month") @RequestParam(required = false) @Nullable String month,
            HttpServletRequest request) {
        var errors = new FieldErrors();
        if (roomFilter == null || roomFilter.isBlank()) {
            errors.add("filter[room]", "is required");
        }
        YearMonth shown = YearMonth.now(java.time.ZoneOffset.UTC);
        if (month != null) {
            try {
                shown = YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                errors.add("month", "must be a month like 2026-11");
            }
        }
        errors.throwIfAny();
        Long room = room(java.util.Objects.requireNonNull(roomFilter));
        var caller = Callers.current();
        var from = shown.atDay(1);
        return caches.respond(request, "video-calendar:" + room + ":" + shown, () -> {
            if (room == null) {
                return Map.of("data", List.of());
            }
            var archives = videos.roomArchives(room, from, from.plusMonths(1));
            var summaries = views.summaries(archives, caller);
            var days = new TreeMap<LocalDate, List<CalendarVideo>>();
            for (int i = 0; i < archives.size(); i++) {
                var video = archives.get(i);
                days.computeIfAbsent(video.recordedOn(), d -> new java.util.ArrayList<>()).add(new CalendarVideo(video.id(), video.slug(),
                        video.title(), video.sessionLabel(), video.durationSeconds(), summaries.get(i).locked()));
            }
            return Map.of("data", days.entrySet().stream().map(day -> new CalendarDay(day.getKey(), day.getValue())).toList());
        });
    }

    @PostMapping("/videos")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Register a video from a completed upload, a library video, an https file or HLS URL, or a YouTube/Vimeo link; a draft")
    @ApiResponse(responseCode = "201", description = "the new video", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VideoViews.Detail.class)))
    ResponseEntity<VideoViews.Detail> create(CurrentUser caller,
            @RequestBody @Schema(implementation = NewVideo.class) Map<String, @Nullable Object> body) {
        long id = service.create(body, caller);
        var video = find(id);
        return ResponseEntity.created(URI.create("/videos/" + id)).eTag(Etags.of("video", id, video.version()))
                .body(views.detail(video, Optional.of(caller)));
    }

    /** For the OpenAPI document: what row 73 takes. */
    record NewVideo(@Schema(description = "a completed video upload") @Nullable String uploadId,
            @Schema(description = "an MP4, QuickTime or WebM item of the media library (copied)") @Nullable Long mediaId,
            @Schema(allowableValues = {"external", "embed"}) @Nullable String source,
            @Schema(description = "https MP4/WebM/.m3u8 for external; a YouTube or Vimeo link for embed") @Nullable String url,
            @NotBlank String title, @Nullable String slug, @Nullable String description,
            @Schema(allowableValues = {"lesson", "room_archive", "webinar", "promo", "other"}) String kind,
            @Schema(allowableValues = {"public", "members", "paid"}) @Nullable String access, @Nullable List<Long> productIds,
            @Nullable Long roomProductId, @Nullable LocalDate recordedOn, @Nullable String sessionLabel, @Nullable Long presenterUserId,
            @Schema(description = "external and embed only") @Nullable Integer durationSeconds,
            @Nullable List<VideoRepository.Chapter> chapters) {
    }

    /** For the OpenAPI document: what row 77 takes. */
    record VideoChange(@Nullable String title, @Nullable String slug, @Nullable String description, @Nullable String kind,
            @Schema(allowableValues = {"draft", "published", "archived"}) @Nullable String status, @Nullable String access,
            @Nullable List<Long> productIds, @Nullable Long roomProductId, @Nullable LocalDate recordedOn, @Nullable String sessionLabel,
            @Nullable Long presenterUserId, @Nullable Integer durationSeconds) {
    }

    @PatchMapping("/videos/{id}")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Change fields and status (publishing needs processing ready: 409 video_not_ready); If-Match")
    ResponseEntity<VideoViews.Detail> update(CurrentUser caller, @PathVariable long id,
            @RequestBody @Schema(implementation = VideoChange.class) Map<String, @Nullable Object> body, HttpServletRequest request) {
        var video = find(id);
        Etags.requireVersion(request, "video", id, video.version());
        service.update(video, body);
        return detail(id, caller);
    }

    @PutMapping("/videos/{id}/source")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Replace the file or URL ({upload_id}, {media_id} or {source, url}); chapters, captions, stats and progress stay")
    ResponseEntity<VideoViews.Detail> replaceSource(CurrentUser caller, @PathVariable long id,
            @RequestBody @Schema(implementation = NewSource.class) Map<String, @Nullable Object> body, HttpServletRequest request) {
        var video = find(id);
        Etags.requireVersion(request, "video", id, video.version());
        service.replaceSource(video, body, caller);
        return detail(id, caller);
    }

    record NewSource(@Nullable String uploadId, @Nullable Long mediaId, @Schema(allowableValues = {"external", "embed"}) @Nullable String source,
            @Nullable String url, @Nullable Integer durationSeconds) {
    }

    @PostMapping("/videos/{id}/reprocess")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Read the stored file's duration, size and codec again; 409 for external and embedded videos")
    @ApiResponse(responseCode = "202", description = "queued")
    ResponseEntity<Map<String, String>> reprocess(@PathVariable long id) {
        service.reprocess(find(id));
        return ResponseEntity.accepted().body(Map.of("processing_status", "pending"));
    }

    @DeleteMapping("/videos/{id}")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Delete the video, its file, captions, chapters, progress and stats; 409 video_in_use unless an admin forces it")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "409", description = "video_in_use, with the usages")
    ResponseEntity<Void> delete(CurrentUser caller, @PathVariable long id, @RequestParam(defaultValue = "false") boolean force,
            HttpServletRequest request) {
        var video = find(id);
        Etags.requireVersion(request, "video", id, video.version());
        service.delete(video, force, caller);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/videos/{id}/usage")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Course lessons and posts that reference the video")
    Map<String, List<AssetUsages.Usage>> usage(@PathVariable long id) {
        find(id);
        return Map.of("data", usages.of(AssetUsages.VIDEO, id));
    }

    record Thumbnail(@Schema(description = "a public image of the library; null clears the poster") @Nullable Long mediaId) {
    }

    @PutMapping(path = "/videos/{id}/thumbnail", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Set the poster to a library image, or clear it with {media_id: null}")
    ResponseEntity<VideoViews.Detail> thumbnail(CurrentUser caller, @PathVariable long id, @RequestBody Thumbnail body) {
        service.setThumbnail(find(id), body.mediaId());
        return detail(id, caller);
    }

    @PutMapping(path = "/videos/{id}/thumbnail", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Upload the poster image; it is stored as a public item of the media library")
    ResponseEntity<VideoViews.Detail> uploadThumbnail(CurrentUser caller, @PathVariable long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        var video = find(id);
        service.setThumbnail(video, media.storeImage(file, caller.id(), "file"));
        return detail(id, caller);
    }

    record ChapterList(@NotNull @Size(max = 200) List<VideoRepository.Chapter> chapters) {
    }

    @PutMapping("/videos/{id}/chapters")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Replace the chapters: the first at 0, strictly increasing, below the duration; 422 names each bad entry")
    @ApiResponse(responseCode = "200", description = "the stored chapters", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ChapterList.class)))
    Map<String, List<VideoRepository.Chapter>> chapters(@PathVariable long id,
            @RequestBody @Schema(implementation = ChapterList.class) Map<String, @Nullable Object> body) {
        if (!body.keySet().equals(java.util.Set.of("chapters"))) {
            throw ApiException.invalid("chapters", "send {\"chapters\": [{start_seconds, title}, …]}");
        }
        return Map.of("chapters", service.setChapters(find(id), body.get("chapters")));
    }

    record Bulk(@NotBlank @Schema(allowableValues = {"publish", "unpublish", "archive", "delete", "set_access", "set_room"}) String action,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Positive Long> ids,
            @Schema(description = "set_access", allowableValues = {"public", "members", "paid"}) @Nullable String access,
            @Schema(description = "set_access with paid") @Nullable List<Long> productIds,
            @Schema(description = "set_room") @Nullable Long roomProductId) {
    }

    @PostMapping("/videos/bulk")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Publish, unpublish, archive, delete, set access or set the room of 1–100 videos; a result per id")
    BulkActions.BulkAnswer bulk(CurrentUser caller, @Valid @RequestBody Bulk body) {
        BulkActions.requireDistinct(body.ids());
        var fields = new java.util.HashMap<String, @Nullable Object>();
        switch (body.action()) {
            case "publish", "unpublish", "archive", "delete" -> {
            }
            case "set_access" -> {
                if (body.access() == null || !VideoEditor.ACCESS.contains(body.access())) {
                    throw ApiException.invalid("access", "must be public, members or paid");
                }
                fields.put("access", body.access());
                fields.put("product_ids", body.productIds() == null ? List.of() : body.productIds());
            }
            case "set_room" -> {
                if (body.roomProductId() == null) {
                    throw ApiException.invalid("room_product_id", "is required");
                }
                fields.put("room_product_id", body.roomProductId());
            }
            default -> throw ApiException.invalid("action", "must be publish, unpublish, archive, delete, set_access or set_room");
        }
        return BulkActions.run(body.ids(), id -> {
            var video = find(id);
            switch (body.action()) {
                case "publish" -> service.update(video, Map.of("status", "published"));
                case "unpublish" -> service.update(video, Map.of("status", "draft"));
                case "archive" -> service.update(video, Map.of("status", "archived"));
                case "delete" -> service.delete(video, false, caller);
                default -> service.update(video, fields);
            }
        });
    }

    private ResponseEntity<VideoViews.Detail> detail(long id, CurrentUser caller) {
        var video = find(id);
        return ResponseEntity.ok().eTag(Etags.of("video", id, video.version())).body(views.detail(video, Optional.of(caller)));
    }

    private Video find(long id) {
        return videos.find(id).orElseThrow(() -> ApiException.notFound("video"));
    }

    /** A room filter names a product by id or slug; null when it names nothing. */
    private @Nullable Long room(String idOrSlug) {
        return Slugs.asId(idOrSlug).or(() -> entitlements.productBySlug(idOrSlug).map(Entitlements.Product::id)).orElse(null);
    }

}
