package com.revolutiontradingpros.api.content.videos;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.content.media.FileTypes;
import com.revolutiontradingpros.api.content.uploads.Uploads;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.storage.ObjectStorage;
import com.revolutiontradingpros.api.platform.web.ApiException;

/** Direct uploads of video files (rows 74–76): the bytes go to the object store; the upload is then registered by row 73 or 78. */
@RestController
@Tag(name = "Videos")
class VideoUploadsController {

    static final long MAX_VIDEO_BYTES = 20L * 1024 * 1024 * 1024;

    private final Uploads uploads;
    private final ObjectStorage storage;
    private final TransactionTemplate transactions;

    VideoUploadsController(Uploads uploads, ObjectStorage storage, TransactionTemplate transactions) {
        this.uploads = uploads;
        this.storage = storage;
        this.transactions = transactions;
    }

    record StartUpload(@NotBlank @Size(max = 255) String filename,
            @NotBlank @Schema(allowableValues = {"video/mp4", "video/quicktime", "video/webm"}) String contentType,
            @NotNull @Positive @Schema(description = "at most 20 GB") Long sizeBytes) {
    }

    @PostMapping("/videos/uploads")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Start a direct upload of a video file (≤ 20 GB): one presigned PUT up to 100 MB, else multipart with a URL per part")
    @ApiResponse(responseCode = "201", description = "where to send the bytes")
    ResponseEntity<Uploads.Started> start(CurrentUser caller, @Valid @RequestBody StartUpload body) {
        if (!FileTypes.VIDEO_CONTAINERS.contains(body.contentType())) {
            throw ApiException.invalid("content_type", "must be video/mp4, video/quicktime or video/webm");
        }
        var started = uploads.start(new Uploads.Request("video", body.filename(), body.contentType(), body.sizeBytes(), null, null, "private"),
                "videos", MAX_VIDEO_BYTES, caller.id());
        return ResponseEntity.created(URI.create("/videos/uploads/" + started.uploadId())).body(started);
    }

    record CompletedUpload(UUID uploadId, String status) {
    }

    @PostMapping("/videos/uploads/{uploadId}/complete")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Finish the upload: parts joined, size and container signature checked (422 upload_mismatch); twice answers the same")
    @ApiResponse(responseCode = "201", description = "completed, ready for POST /videos or PUT /videos/{id}/source")
    @ApiResponse(responseCode = "410", description = "upload_expired")
    ResponseEntity<CompletedUpload> complete(CurrentUser caller, @PathVariable UUID uploadId,
            @Valid @RequestBody(required = false) Uploads.@Nullable Completion body) {
        var parts = Uploads.partsOf(body);
        boolean accepted = Boolean.TRUE.equals(transactions.execute(status -> {
            var upload = uploads.lockForCompletion(uploadId, "video", caller.id());
            if (upload.status().equals("completed")) {
                return true;
            }
            uploads.assemble(upload, parts);
            boolean video = storage.head(upload.storageKey(), FileTypes.SNIFF_BYTES).flatMap(FileTypes::videoContainer).isPresent();
            if (video) {
                uploads.completed(upload, null);
            } else {
                // The upload ends as aborted whatever the caller does next, so this commits before the 422 is answered.
                uploads.refused(upload);
            }
            return video;
        }));
        if (!accepted) {
            throw ApiException.unprocessable("upload_mismatch", "file", "the uploaded file is not an MP4, QuickTime or WebM video");
        }
        return ResponseEntity.status(201).body(new CompletedUpload(uploadId, "completed"));
    }

    @DeleteMapping("/videos/uploads/{uploadId}")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Abort an unfinished upload and delete its stored parts")
    @ApiResponse(responseCode = "204", description = "aborted")
    ResponseEntity<Void> abort(CurrentUser caller, @PathVariable UUID uploadId) {
        uploads.abort(uploadId, "video", caller.id());
        return ResponseEntity.noContent().build();
    }
}
