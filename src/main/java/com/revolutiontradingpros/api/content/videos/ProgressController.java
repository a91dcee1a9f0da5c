package com.revolutiontradingpros.api.content.videos;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.content.media.MediaLibrary;
import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.Patch;

/** A member's watch progress (rows 88–91): resume points, "mark as unwatched" and the continue-watching shelf. */
@RestController
@Tag(name = "Videos")
@RequiresRole(Role.MEMBER)
class ProgressController {

    private final WatchProgress watchProgress;
    private final ProgressRepository progress;
    private final VideoRepository videos;
    private final VideoGate gate;
    private final VideoViews views;

    ProgressController(WatchProgress watchProgress, ProgressRepository progress, VideoRepository videos, VideoGate gate, VideoViews views) {
        this.watchProgress = watchProgress;
        this.progress = progress;
        this.videos = videos;
        this.gate = gate;
        this.views = views;
    }

    @Schema(name = "VideoProgress")
    record ProgressView(long videoId, int positionSeconds, int maxPositionSeconds, int watchedSeconds, BigDecimal percent,
            @Nullable Instant completedAt, Instant updatedAt) {

        static ProgressView of(ProgressRepository.Progress p) {
            return new ProgressView(p.videoId(), p.positionSeconds(), p.maxPositionSeconds(), p.watchedSeconds(), p.percent(), p.completedAt(),
                    p.updatedAt());
        }
    }

    /** For the OpenAPI document. */
    record ProgressReport(@Schema(description = "0 to duration + 5") @Nullable Double positionSeconds,
            @Schema(description = "seconds played since the last report, 0–120") @Nullable Integer playedSeconds,
            @Schema(description = "mark the video watched") @Nullable Boolean completed) {
    }

    @PutMapping("/videos/{id}/progress")
    @Operation(summary = "Report the position and seconds played (or completed: true); completes at 90 %; writes < 5 s apart are coalesced")
    @ApiResponse(responseCode = "200", description = "the stored progress")
    @ApiResponse(responseCode = "403", description = "access_denied: the caller may not watch the video")
    ProgressView report(CurrentUser caller, @PathVariable String id,
            @RequestBody @Schema(implementation = ProgressReport.class) Map<String, @Nullable Object> body) {
        var video = gate.watchable(id, Optional.of(caller));
        var patch = new Patch(body, java.util.Set.of("position_seconds", "played_seconds", "completed"));
        var position = patch.decimal("position_seconds", 0, Integer.MAX_VALUE);
        Integer played = patch.integer("played_seconds", 0, 120);
        Boolean completed = patch.bool("completed");
        if (position == null && !Boolean.TRUE.equals(completed) && patch.errors().isEmpty()) {
            patch.errors().add("position_seconds", "is required unless completed is true");
        }
        patch.errors().throwIfAny();
        return ProgressView.of(watchProgress.report(video, caller.id(), new WatchProgress.Report(position == null ? null : position.doubleValue(),
                played == null ? 0 : played, Boolean.TRUE.equals(completed))));
    }

    @GetMapping("/videos/{id}/progress")
    @Operation(summary = "The caller's progress on the video; 404 when they never started it")
    ProgressView get(CurrentUser caller, @PathVariable String id) {
        var video = gate.readable(id, Optional.of(caller));
        return progress.find(caller.id(), video.id()).map(ProgressView::of).orElseThrow(() -> ApiException.notFound("progress"));
    }

    @DeleteMapping("/videos/{id}/progress")
    @Operation(summary = "Reset the caller's progress (mark as unwatched)")
    @ApiResponse(responseCode = "204", description = "reset")
    ResponseEntity<Void> reset(CurrentUser caller, @PathVariable String id) {
        var video = gate.readable(id, Optional.of(caller));
        progress.delete(caller.id(), video.id());
        return ResponseEntity.noContent().build();
    }

    record ContinueWatching(long videoId, String slug, String title, @Nullable Integer durationSeconds, MediaLibrary.@Nullable Image thumbnail,
            int resumeAt, BigDecimal percent, Instant updatedAt) {
    }

    @GetMapping("/videos/continue-watching")
    @Operation(summary = "The caller's started, unfinished videos they may still watch (5 % ≤ percent < 90 %), last watched first")
    Page<ContinueWatching> continueWatching(CurrentUser caller, @PageParams PageQuery query) {
        var rows = progress.inProgress(caller.id());
        var byId = videos.findAll(rows.stream().map(ProgressRepository.Progress::videoId).toList()).stream()
                .collect(java.util.stream.Collectors.toMap(Video::id, v -> v));
        var watchable = gate.watchableBy(caller, byId.values());
        var shown = rows.stream().filter(p -> watchable.contains(p.videoId())).toList();
        var page = shown.stream().skip(query.offset()).limit(query.limit()).toList();
        var thumbnails = views.thumbnails(page.stream().map(p -> byId.get(p.videoId())).toList());
        List<ContinueWatching> data = page.stream().map(p -> {
            var video = byId.get(p.videoId());
            return new ContinueWatching(video.id(), video.slug(), video.title(), video.durationSeconds(), thumbnails.get(video.id()),
                    p.positionSeconds(), p.percent(), p.updatedAt());
        }).toList();
        return query.page(data, shown.size());
    }
}
