package com.revolutiontradingpros.api.content.videos;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.revolutiontradingpros.api.content.media.MediaLibrary;
import com.revolutiontradingpros.api.platform.security.Callers;
import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.storage.ObjectStorage;
import com.revolutiontradingpros.api.platform.web.ApiException;

/** Watching a video: the playback answer (row 82, rule 28) and caption tracks (rows 85–87, rule 32). */
@RestController
@Tag(name = "Videos")
class PlaybackController {

    private final VideoGate gate;
    private final VideoRepository videos;
    private final CaptionRepository captions;
    private final ProgressRepository progress;
    private final VideoService service;
    private final MediaLibrary media;
    private final VideoViews views;
    private final ObjectStorage storage;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration linkTtl;

    PlaybackController(VideoGate gate, VideoRepository videos, CaptionRepository captions, ProgressRepository progress,
            VideoService service, MediaLibrary media, VideoViews views, ObjectStorage storage, TransactionTemplate transactions, Clock clock,
            @Value("${app.videos.playback-link-ttl:6h}") Duration linkTtl) {
        if (linkTtl.compareTo(Duration.ofMinutes(15)) < 0 || linkTtl.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalStateException("app.videos.playback-link-ttl must be between 15m and 24h, not " + linkTtl);
        }
        this.gate = gate;
        this.videos = videos;
        this.captions = captions;
        this.progress = progress;
        this.service = service;
        this.media = media;
        this.views = views;
        this.storage = storage;
        this.transactions = transactions;
        this.clock = clock;
        this.linkTtl = linkTtl;
    }

    record CaptionLink(String lang, String label, boolean isDefault, String url) {
    }

    @Schema(name = "VideoPlayback")
    record Playback(@Schema(allowableValues = {"file", "hls", "embed"}) String type, String url,
            @Schema(description = "when a signed url stops working; null for URLs that do not expire") @Nullable Instant expiresAt,
            @Nullable String mimeType, List<CaptionLink> captions, @Nullable String thumbnailUrl, List<VideoRepository.Chapter> chapters,
            @Schema(description = "where the signed-in caller left off") @Nullable Integer resumeAt) {
    }

    @GetMapping("/videos/{id}/playback")
    @Public
    @Operation(summary = "How to play the video, for a caller with access: a signed file URL (6 h), the HLS or embed URL, signed captions")
    @ApiResponse(responseCode = "200", description = "the playback answer", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Playback.class)))
    @ApiResponse(responseCode = "401", description = "auth_required: signing in may give access")
    @ApiResponse(responseCode = "403", description = "access_denied, with the products that give access")
    @ApiResponse(responseCode = "409", description = "video_not_ready")
    ResponseEntity<Playback> playback(@PathVariable String id) {
        var caller = Callers.current();
        var video = gate.watchable(id, caller);
        if (!video.ready()) {
            throw ApiException.conflict("video_not_ready", "the video is " + video.processingStatus());
        }
        Instant expires = video.stored() ? clock.instant().plus(linkTtl) : null;
        String type;
        String url;
        switch (video.source()) {
            case "storage" -> {
                type = "file";
                url = storage.downloadUrl(java.util.Objects.requireNonNull(video.storageKey()), linkTtl).toString();
            }
            case "embed" -> {
                type = "embed";
                url = VideoSources.embedUrl(java.util.Objects.requireNonNull(video.embedProvider()), java.util.Objects.requireNonNull(video.embedId()));
            }
            default -> {
                type = "application/vnd.apple.mpegurl".equals(video.mimeType()) ? "hls" : "file";
                url = java.util.Objects.requireNonNull(video.sourceUrl());
            }
        }
        var tracks = captions.list(video.id()).stream().map(track -> new CaptionLink(track.lang(), track.label(), track.isDefault(),
                storage.downloadUrl(track.storageKey(), linkTtl).toString())).toList();
        var thumbnail = views.thumbnails(List.of(video)).get(video.id());
        Integer resumeAt = caller.flatMap(user -> progress.find(user.id(), video.id())).map(ProgressRepository.Progress::positionSeconds)
                .orElse(null);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate())
                .body(new Playback(type, url, expires, video.mimeType(), tracks, thumbnail == null ? null : thumbnail.url(),
                        videos.chapters(video.id()), resumeAt));
    }

    @GetMapping(path = "/videos/{id}/captions/{lang}", produces = "text/vtt")
    @Public
    @Operation(summary = "A caption track as WebVTT, for a caller with access (players may also use the signed URL of the playback answer)")
    @ApiResponse(responseCode = "200", description = "the WebVTT file", content = @Content(mediaType = "text/vtt"))
    ResponseEntity<byte[]> caption(@PathVariable String id, @PathVariable String lang) throws IOException {
        var video = gate.watchable(id, Callers.current());
        var track = captions.find(video.id(), canonical(lang)).orElseThrow(() -> ApiException.notFound("caption track"));
        try (InputStream in = storage.open(track.storageKey()).orElseThrow(() -> ApiException.notFound("caption track"))) {
            return ResponseEntity.ok().contentType(new MediaType("text", "vtt", StandardCharsets.UTF_8))
                    .cacheControl(CacheControl.noCache().cachePrivate()).body(in.readAllBytes());
        }
    }

    record CaptionAnswer(String lang, String label, boolean isDefault, int cues) {
    }

    @PutMapping(path = "/videos/{id}/captions/{lang}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Create or replace a caption track from WebVTT or SRT (converted; ≤ 2 MB); is_default clears the previous default")
    @ApiResponse(responseCode = "200", description = "replaced")
    @ApiResponse(responseCode = "201", description = "created")
    ResponseEntity<CaptionAnswer> putCaption(@PathVariable long id, @PathVariable String lang, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String label, @RequestParam(name = "is_default", defaultValue = "false") String isDefault)
            throws IOException {
        var video = videos.find(id).orElseThrow(() -> ApiException.notFound("video"));
        if (!Captions.LANG.matcher(lang).matches()) {
            throw ApiException.invalid("lang", "must be a BCP 47 language tag such as en or pt-BR");
        }
        if (label != null && label.strip().length() > 60) {
            throw ApiException.invalid("label", "must be at most 60 characters");
        }
        if (!isDefault.equals("true") && !isDefault.equals("false")) {
            throw ApiException.invalid("is_default", "must be true or false");
        }
        if (file.getSize() > Captions.MAX_BYTES) {
            throw ApiException.unprocessable("invalid_captions", "file", "must be at most 2 MB");
        }
        String vtt = Captions.toWebVtt(file.getBytes());
        String tag = canonical(lang);
        String shownLabel = label == null || label.isBlank() ? Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH) : label.strip();
        byte[] bytes = vtt.getBytes(StandardCharsets.UTF_8);
        String key = "videos/captions/" + id + "/" + tag.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + ".vtt";
        storage.put(key, new java.io.ByteArrayInputStream(bytes), bytes.length, "text/vtt");
        var previous = captions.find(id, tag);
        transactions.executeWithoutResult(status -> {
            captions.put(id, tag, shownLabel, key, isDefault.equals("true"));
            previous.ifPresent(old -> media.deleteObjectsLater(List.of(old.storageKey()), VideoService.REPLACED_FILE_GRACE));
            service.changed(video.id());
        });
        var answer = new CaptionAnswer(tag, shownLabel, isDefault.equals("true"), Captions.cues(vtt));
        return ResponseEntity.status(previous.isPresent() ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
    }

    @DeleteMapping("/videos/{id}/captions/{lang}")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Remove a caption track")
    @ApiResponse(responseCode = "204", description = "removed")
    ResponseEntity<Void> deleteCaption(@PathVariable long id, @PathVariable String lang) {
        videos.find(id).orElseThrow(() -> ApiException.notFound("video"));
        var track = captions.find(id, canonical(lang)).orElseThrow(() -> ApiException.notFound("caption track"));
        transactions.executeWithoutResult(status -> {
            captions.delete(id, track.lang());
            media.deleteObjectsLater(List.of(track.storageKey()), VideoService.REPLACED_FILE_GRACE);
            service.changed(id);
        });
        return ResponseEntity.noContent().build();
    }

    private static String canonical(String lang) {
        return Locale.forLanguageTag(lang).toLanguageTag();
    }
}
