package com.revolutiontradingpros.api.content.videos;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.revolutiontradingpros.api.content.ContentPaths;
import com.revolutiontradingpros.api.content.VideoDeleted;
import com.revolutiontradingpros.api.content.VideoPublished;
import com.revolutiontradingpros.api.content.cache.PublicContentChanged;
import com.revolutiontradingpros.api.content.media.FileTypes;
import com.revolutiontradingpros.api.content.media.MediaLibrary;
import com.revolutiontradingpros.api.content.uploads.Uploads;
import com.revolutiontradingpros.api.content.usages.AssetUsages;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.storage.ObjectStorage;
import com.revolutiontradingpros.api.platform.text.Slugs;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.Patch;

/** Every change to a video goes through here, one transaction each, with its events committed alongside. */
@Service
class VideoService {

    /** A replaced file stays playable this long: a member may be two hours into a replay when an editor swaps it. */
    static final Duration REPLACED_FILE_GRACE = Duration.ofHours(24);
    private static final Map<String, Set<String>> TRANSITIONS = Map.of(
            "draft", Set.of("published"),
            "published", Set.of("draft", "archived"),
            "archived", Set.of("draft", "published"));
    /** Row 73 takes the editable fields, one source and the first chapters. */
    private static final Set<String> CREATE_FIELDS = java.util.stream.Stream.concat(VideoEditor.FIELDS.stream(),
            java.util.stream.Stream.of("upload_id", "media_id", "source", "url", "chapters")).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final VideoRepository videos;
    private final VideoEditor editor;
    private final CaptionRepository captions;
    private final VideoProcessing processing;
    private final Uploads uploads;
    private final MediaLibrary media;
    private final AssetUsages usages;
    private final ObjectStorage storage;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    VideoService(VideoRepository videos, VideoEditor editor, CaptionRepository captions, VideoProcessing processing, Uploads uploads,
            MediaLibrary media, AssetUsages usages, ObjectStorage storage, ApplicationEventPublisher events, TransactionTemplate transactions,
            Clock clock) {
        this.videos = videos;
        this.editor = editor;
        this.captions = captions;
        this.processing = processing;
        this.uploads = uploads;
        this.media = media;
        this.usages = usages;
        this.storage = storage;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Row 73: exactly one of upload_id, media_id or {source, url}; the video starts as a draft. */
    long create(Map<String, @Nullable Object> body, CurrentUser caller) {
        var patch = new Patch(body, CREATE_FIELDS);
        var sourceKind = sourceKind(patch);
        Long id = transactions.execute(status -> {
            var edit = editor.edit(patch, null, 0, sourceKind.equals("storage"), null);
            var source = source(patch, sourceKind, caller);
            var fields = edit.fields();
            var chapters = patch.has("chapters") ? VideoEditor.chapters(patch.raw("chapters"), source.stored() ? null : fields.durationSeconds(),
                    "chapters") : List.<VideoRepository.Chapter>of();
            long created = videos.insert(fields, source.source(), caller.id());
            if (source.upload() != null) {
                uploads.completed(source.upload(), created);
            }
            videos.setProducts(created, edit.productIds() == null ? List.of() : edit.productIds());
            videos.setChapters(created, chapters);
            if (source.stored()) {
                processing.queue(created);
            }
            return created;
        });
        return java.util.Objects.requireNonNull(id);
    }

    /** Row 77: fields and status in one change; going live needs a ready file and emits VideoPublished. */
    void update(Video video, Map<String, @Nullable Object> body) {
        var allowed = new java.util.HashSet<>(VideoEditor.FIELDS);
        allowed.add("status");
        var patch = new Patch(body, allowed);
        String status = patch.oneOf("status", TRANSITIONS.keySet());
        transactions.executeWithoutResult(tx -> {
            var current = videos.findForUpdate(video.id()).orElseThrow(() -> ApiException.notFound("video"));
            if (current.version() != video.version()) {
                throw ApiException.preconditionFailed();
            }
            var edit = editor.edit(patch, VideoRepository.Fields.of(current), current.id(), current.stored(), videos.products(current.id()));
            videos.update(current.id(), edit.fields());
            if (edit.productIds() != null) {
                videos.setProducts(current.id(), edit.productIds());
            }
            if (status != null && !status.equals(current.status())) {
                transition(current, status);
            }
            changed(current.id());
        });
    }

    /** Rule: draft → published → archived, archived → draft or published, published → draft; publishing needs processing ready. */
    void transition(Video video, String status) {
        if (status.equals(video.status())) {
            return;
        }
        if (!TRANSITIONS.getOrDefault(video.status(), Set.of()).contains(status)) {
            throw ApiException.conflict("invalid_transition", "a " + video.status() + " video cannot become " + status);
        }
        if (status.equals("published") && !video.ready()) {
            throw ApiException.conflict("video_not_ready", "the video is " + video.processingStatus() + "; it can go live once it is ready");
        }
        var publishedAt = status.equals("published") ? (video.publishedAt() == null ? clock.instant() : video.publishedAt()) : video.publishedAt();
        videos.setStatus(video.id(), status, publishedAt);
        if (status.equals("published")) {
            var now = videos.find(video.id()).orElseThrow();
            events.publishEvent(new VideoPublished(now.id(), now.slug(), now.kind(), ContentPaths.video(now.slug()), now.access(),
                    now.roomProductId()));
        }
        changed(video.id());
    }

    /** Row 78: a new file or URL; chapters, captions, stats and progress stay; the old file goes after a day. */
    void replaceSource(Video video, Map<String, @Nullable Object> body, CurrentUser caller) {
        var patch = new Patch(body, Set.of("upload_id", "media_id", "source", "url", "duration_seconds"));
        var kind = sourceKind(patch);
        Integer duration = patch.integer("duration_seconds", 0, 24 * 3600 * 7);
        if (duration != null && kind.equals("storage")) {
            patch.errors().add("duration_seconds", "is read from the stored file");
        }
        patch.errors().throwIfAny();
        transactions.executeWithoutResult(tx -> {
            var current = videos.findForUpdate(video.id()).orElseThrow(() -> ApiException.notFound("video"));
            var source = source(patch, kind, caller);
            videos.replaceSource(current.id(), source.source(), source.stored() ? null : duration != null ? duration : current.durationSeconds());
            if (source.upload() != null) {
                uploads.completed(source.upload(), current.id());
            }
            if (current.storageKey() != null) {
                media.deleteObjectsLater(List.of(current.storageKey()), REPLACED_FILE_GRACE);
            }
            if (source.stored()) {
                processing.queue(current.id());
            }
            changed(current.id());
        });
    }

    /** Row 79: metadata read again; only stored files have any. */
    void reprocess(Video video) {
        if (!video.stored()) {
            throw ApiException.conflict("not_stored", "only stored files are processed; external and embedded videos take their duration from the editor");
        }
        transactions.executeWithoutResult(tx -> {
            videos.reprocess(video.id());
            processing.queue(video.id());
        });
    }

    /** Row 80: 409 video_in_use while something references it, unless an admin forces it (owners then hear VideoDeleted). */
    void delete(Video video, boolean force, CurrentUser caller) {
        var used = usages.of(AssetUsages.VIDEO, video.id());
        if (!used.isEmpty() && !(force && caller.has(Role.ADMIN))) {
            throw ApiException.inUse("video_in_use", "the video is used by " + used.size() + " item(s); remove it there first"
                    + (caller.has(Role.ADMIN) ? " or delete with ?force=true" : ""), used);
        }
        transactions.executeWithoutResult(tx -> {
            var keys = new ArrayList<String>();
            if (video.storageKey() != null) {
                keys.add(video.storageKey());
            }
            captions.list(video.id()).forEach(track -> keys.add(track.storageKey()));
            media.deleteObjectsLater(keys, Duration.ZERO);
            usages.removeAsset(AssetUsages.VIDEO, video.id());
            usages.removeOwner("content", "video", video.id());
            videos.delete(video.id());
            events.publishEvent(new VideoDeleted(video.id()));
            changed(video.id());
        });
    }

    /** Row 83: the poster is a public image of the library; recorded as a usage so it is not deleted under the video. */
    void setThumbnail(Video video, @Nullable Long mediaId) {
        if (mediaId != null && media.publicImages(List.of(mediaId)).isEmpty()) {
            throw ApiException.invalid("media_id", "is not a public image of the media library");
        }
        transactions.executeWithoutResult(tx -> {
            videos.setThumbnail(video.id(), mediaId);
            usages.set(AssetUsages.MEDIA, "content", "video", video.id(), "thumbnail_media_id", mediaId == null ? List.of() : List.of(mediaId),
                    video.title(), "/admin/videos/" + video.id());
            changed(video.id());
        });
    }

    /** Row 84. */
    List<VideoRepository.Chapter> setChapters(Video video, @Nullable Object raw) {
        var chapters = VideoEditor.chapters(raw, video.durationSeconds(), "chapters");
        transactions.executeWithoutResult(tx -> {
            videos.setChapters(video.id(), chapters);
            changed(video.id());
        });
        return chapters;
    }

    void changed(long videoId) {
        events.publishEvent(new VideoChanged(videoId));
        events.publishEvent(new PublicContentChanged());
    }

    private record ResolvedSource(VideoRepository.Source source, com.revolutiontradingpros.api.content.uploads.@Nullable Upload upload) {
        boolean stored() {
            return source.stored();
        }
    }

    private static String sourceKind(Patch patch) {
        int given = (patch.has("upload_id") ? 1 : 0) + (patch.has("media_id") ? 1 : 0) + (patch.has("source") || patch.has("url") ? 1 : 0);
        if (given != 1) {
            throw ApiException.invalid("source", "send exactly one of upload_id, media_id or {source, url}");
        }
        if (patch.has("upload_id") || patch.has("media_id")) {
            return "storage";
        }
        String source = patch.oneOf("source", Set.of("external", "embed"));
        String url = patch.text("url", 1, 2000);
        if (url == null && !patch.has("url")) {
            patch.errors().add("url", "is required with source");
        }
        patch.errors().throwIfAny();
        return java.util.Objects.requireNonNull(source);
    }

    /** Resolves the source inside the caller's transaction: an upload is locked until it is marked used. */
    private ResolvedSource source(Patch patch, String kind, CurrentUser caller) {
        if (patch.has("upload_id")) {
            UUID uploadId;
            try {
                uploadId = UUID.fromString(String.valueOf(patch.raw("upload_id")));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("upload_id", "must be an upload id");
            }
            var upload = uploads.unusedUpload(uploadId, "video", caller.id(), "upload_id");
            String mime = storage.head(upload.storageKey(), FileTypes.SNIFF_BYTES).flatMap(FileTypes::videoContainer)
                    .orElseThrow(() -> ApiException.invalid("upload_id", "is not an MP4, QuickTime or WebM file"));
            return new ResolvedSource(new VideoRepository.Source("storage", upload.storageKey(), null, null, null, mime, upload.sizeBytes()),
                    upload);
        }
        if (patch.has("media_id")) {
            Long mediaId = patch.id("media_id");
            patch.errors().throwIfAny();
            var file = media.videoFile(java.util.Objects.requireNonNull(mediaId))
                    .orElseThrow(() -> ApiException.invalid("media_id", "is not an MP4, QuickTime or WebM file of the media library"));
            String name = Slugs.of(file.filename().replaceFirst("\\.[^.]*$", ""));
            String key = "videos/" + UUID.randomUUID() + "/" + (name.isEmpty() ? "video" : name) + file.storageKey().substring(
                    file.storageKey().lastIndexOf('.'));
            storage.copy(file.storageKey(), key);
            return new ResolvedSource(new VideoRepository.Source("storage", key, null, null, null, file.mimeType(), file.sizeBytes()), null);
        }
        String url = java.util.Objects.requireNonNull(patch.text("url", 1, 2000));
        return new ResolvedSource(kind.equals("external") ? VideoSources.external(url) : VideoSources.embed(url), null);
    }
}
