package com.revolutiontradingpros.api.users.dataexport;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.storage.ObjectStorage;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.users.activity.ActivityLog;

@RestController
@Tag(name = "Me")
class DataExportController {

    private final DataExports exports;
    private final ObjectStorage storage;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> task;
    private final ActivityLog activity;
    private final Clock clock;

    DataExportController(DataExports exports, ObjectStorage storage, SchedulerClient scheduler, OneTimeTask<Long> dataExportTask,
            ActivityLog activity, Clock clock) {
        this.exports = exports;
        this.storage = storage;
        this.scheduler = scheduler;
        this.task = dataExportTask;
        this.activity = activity;
        this.clock = clock;
    }

    record ExportStatus(long id, @Schema(allowableValues = {"queued", "running", "ready", "expired", "failed"}) String status,
            @Nullable String downloadUrl, @Nullable Instant expiresAt, Instant requestedAt) {
    }

    @PostMapping("/me/data-export")
    @Operation(summary = "Ask for a copy of your data (a zip of JSON files); at most one a day; 202 while it is built")
    ResponseEntity<ExportStatus> request(CurrentUser me, HttpServletRequest request) {
        var latest = exports.latest(me.id());
        if (latest.isPresent() && !"failed".equals(latest.get().status())
                && latest.get().createdAt().isAfter(Instant.now(clock).minus(Duration.ofHours(24)))) {
            throw ApiException.tooManyRequests(Duration.between(Instant.now(clock), latest.get().createdAt().plus(Duration.ofHours(24))).toSeconds());
        }
        long id = exports.queue(me.id());
        scheduler.schedule(task.instance("export-" + id, id), Instant.now(clock));
        activity.record(me.id(), me.id(), "data_export_requested", java.util.Map.of("export_id", id), request.getRemoteAddr());
        return ResponseEntity.accepted().location(URI.create("/me/data-export")).body(status(exports.latest(me.id()).orElseThrow()));
    }

    @GetMapping("/me/data-export")
    @Operation(summary = "Your latest data export, with a signed download link valid until it expires (24 hours)")
    ExportStatus latest(CurrentUser me) {
        return status(exports.latest(me.id()).orElseThrow(() -> ApiException.notFound("data export")));
    }

    private ExportStatus status(DataExports.Export export) {
        Instant now = Instant.now(clock);
        boolean ready = "ready".equals(export.status()) && export.expiresAt() != null && export.expiresAt().isAfter(now)
                && export.fileKey() != null;
        String status = "ready".equals(export.status()) && !ready ? "expired" : export.status();
        String url = ready ? storage.downloadUrl(export.fileKey(), Duration.between(now, export.expiresAt())).toString() : null;
        return new ExportStatus(export.id(), status, url, ready ? export.expiresAt() : null, export.createdAt());
    }
}
