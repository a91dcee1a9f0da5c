package com.revolutiontradingpros.api.content.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.content.cache.Etags;
import com.revolutiontradingpros.api.content.uploads.Upload;
import com.revolutiontradingpros.api.content.uploads.Uploads;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.storage.ObjectStorage;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

/** Direct uploads into the library (rows 50, 52, 53) and replacing a file from one (row 57 with {upload_id}). */
@RestController
@Tag(name = "Media")
class MediaUploadsController {

    static final long MAX_DIRECT_BYTES = 5L * 1024 * 1024 * 1024;

    private final Uploads uploads;
    private final MediaService service;
    private final MediaFiles files;
    private final MediaRepository repository;
    private final MediaViews views;
    private final ObjectStorage storage;
    private final TransactionTemplate transactions;

    MediaUploadsController(Uploads uploads, MediaService service, MediaFiles files, MediaRepository repository, MediaViews views,
            ObjectStorage storage, TransactionTemplate transactions) {
        this.uploads = uploads;
        this.service = service;
        this.files = files;
        this.repository = repository;
        this.views = views;
        this.storage = storage;
        this.transactions = transactions;
    }

    record StartUpload(@NotBlank @Size(max = 255) String filename, @NotBlank @Size(max = 255) String contentType,
            @NotNull @Positive Long sizeBytes, @Nullable @Positive Long folderId,
            @Nullable @Schema(allowableValues = {"public", "private"}) String visibility,
            @Nullable @Schema(allowableValues = {"media", "media_replace"}, description = "default media") String purpose,
            @Nullable @Positive @Schema(description = "the item to replace, for media_replace") Long targetId) {
    }

    @PostMapping("/media/uploads")
    @RequiresRole(Role.AUTHOR)
    @Operation(summary = "Start a direct upload (≤ 5 GB): one presigned PUT up to 100 MB, else multipart with one URL per part")
    @ApiResponse(responseCode = "201", description = "where to send the bytes")
    ResponseEntity<Uploads.Started> start(CurrentUser caller, @Valid @RequestBody StartUpload body) {
        var errors = new FieldErrors();
        var details = MediaController.details(null, null, null, body.folderId() == null ? null : body.folderId().toString(),
                body.visibility(), errors);
        String purpose = body.purpose() == null ? "media" : body.purpose();
        if (!purpose.equals("media") && !purpose.equals("media_replace")) {
            errors.add("purpose", "must be media or media_replace");
        }
        if (purpose.equals("media_replace")) {
            if (body.targetId() == null) {
                errors.add("target_id", "is required to replace a file");
            } else {
                var target = repository.find(body.targetId()).orElse(null);
                if (target == null) {
                    errors.add("target_id", "is not a media item");
                } else {
                    MediaService.requireOwnerOrEditor(target, caller);
                }
            }
        }
        errors.throwIfAny();
        var started = uploads.start(new Uploads.Request(purpose, body.filename(), body.contentType(), body.sizeBytes(),
                purpose.equals("media_replace") ? body.targetId() : null, details.folderId(), details.visibility()), "uploads", MAX_DIRECT_BYTES,
                caller.id());
        return ResponseEntity.created(URI.create("/media/uploads/" + started.uploadId())).body(started);
    }

    /** A completed media_replace upload, ready for PUT /media/{id}/file. */
    record CompletedUpload(UUID uploadId, String status) {
    }

    @PostMapping("/media/uploads/{uploadId}/complete")
    @RequiresRole(Role.AUTHOR)
    @Operation(summary = "Finish a direct upload: size checked (422 upload_mismatch), type sniffed (415), media item created; twice answers the same")
    @ApiResponse(responseCode = "201", description = "the new item (purpose media) or the completed upload (media_replace)",
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(oneOf = {MediaViews.MediaDetail.class, CompletedUpload.class})))
    @ApiResponse(responseCode = "410", description = "upload_expired")
    ResponseEntity<?> complete(CurrentUser caller, @PathVariable UUID uploadId,
            @Valid @RequestBody(required = false) Uploads.@Nullable Completion body) {
        var parts = Uploads.partsOf(body);
        var purpose = uploads.purposeOf(uploadId, caller.id());
        if (purpose.equals("media_replace")) {
            transactions.executeWithoutResult(status -> {
                var upload = uploads.lockForCompletion(uploadId, purpose, caller.id());
                if (!upload.status().equals("completed")) {
                    uploads.assemble(upload, parts);
                    uploads.completed(upload, null);
                }
            });
            return ResponseEntity.status(201).body(new CompletedUpload(uploadId, "completed"));
        }
        var failure = new ApiException[1];
        Long mediaId = transactions.execute(status -> {
            var upload = uploads.lockForCompletion(uploadId, purpose, caller.id());
            if (upload.status().equals("completed")) {
                return upload.resultId();
            }
            uploads.assemble(upload, parts);
            try {
                var stored = files.store(source(upload), upload.filename(), 1);
                long id = service.insert(stored, new MediaService.Details(null, null, null, upload.folderId(), upload.visibility()),
                        caller.id());
                uploads.completed(upload, id);
                storage.delete(upload.storageKey());
                return id;
            } catch (ApiException e) {
                // Refused bytes (415, 422): the upload is over and its object goes; the refusal is answered after commit.
                uploads.refused(upload);
                failure[0] = e;
                return null;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        var item = repository.find(java.util.Objects.requireNonNull(mediaId)).orElseThrow(() -> ApiException.notFound("media"));
        return ResponseEntity.created(URI.create("/media/" + item.id())).header(HttpHeaders.ETAG, Etags.of("media", item.id(), item.version()))
                .body(views.detail(item));
    }

    @DeleteMapping("/media/uploads/{uploadId}")
    @RequiresRole(Role.AUTHOR)
    @Operation(summary = "Abort an unfinished upload and delete its stored parts")
    ResponseEntity<Void> abort(CurrentUser caller, @PathVariable UUID uploadId) {
        uploads.abort(uploadId, uploads.purposeOf(uploadId, caller.id()), caller.id());
        return ResponseEntity.noContent().build();
    }

    record ReplaceFromUpload(@NotNull UUID uploadId) {
    }

    @PutMapping(path = "/media/{id}/file", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresRole(Role.AUTHOR)
    @Operation(summary = "Replace the file with a completed media_replace upload of the same kind; file_version + 1")
    ResponseEntity<MediaViews.MediaDetail> replace(CurrentUser caller, @PathVariable long id, @Valid @RequestBody ReplaceFromUpload body,
            HttpServletRequest request) {
        var item = repository.find(id).orElseThrow(() -> ApiException.notFound("media"));
        Etags.requireVersion(request, "media", id, item.version());
        MediaService.requireOwnerOrEditor(item, caller);
        transactions.executeWithoutResult(status -> {
            Upload upload = uploads.unusedUpload(body.uploadId(), "media_replace", caller.id(), "upload_id");
            if (upload.targetId() == null || upload.targetId() != id) {
                throw ApiException.invalid("upload_id", "was started to replace another item");
            }
            service.swapFile(item, files.store(source(upload), upload.filename(), item.fileVersion() + 1));
            uploads.completed(upload, id);
            storage.delete(upload.storageKey());
        });
        var updated = repository.find(id).orElseThrow(() -> ApiException.notFound("media"));
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Etags.of("media", id, updated.version())).body(views.detail(updated));
    }

    private MediaFiles.Source source(Upload upload) {
        return new MediaFiles.Source() {
            @Override
            public byte[] head() {
                return storage.head(upload.storageKey(), FileTypes.SNIFF_BYTES).orElse(new byte[0]);
            }

            @Override
            public InputStream open() throws IOException {
                return storage.open(upload.storageKey()).orElseGet(() -> new ByteArrayInputStream(new byte[0]));
            }

            @Override
            public long size() {
                return upload.sizeBytes();
            }
        };
    }
}
