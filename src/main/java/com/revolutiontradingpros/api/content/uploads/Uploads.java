package com.revolutiontradingpros.api.content.uploads;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.platform.storage.ObjectStorage;
import com.revolutiontradingpros.api.platform.text.Slugs;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

/**
 * Direct uploads (rule 23): the browser sends the bytes straight to the object store through presigned URLs (the
 * local store's stand-ins when embedded), in one PUT up to 100 MB or in parts; completion checks what arrived.
 * Media and videos build on it; what a completed upload becomes is theirs to decide.
 */
@Service
public class Uploads {

    public static final long SINGLE_PUT_LIMIT = 100L * 1024 * 1024;
    static final long MIN_PART = 8L * 1024 * 1024;
    static final int MAX_PARTS = 10_000;
    /** Part size aims at about this many parts, so the answer's URL list stays short. */
    static final int TARGET_PARTS = 1_000;
    static final Duration SINGLE_TTL = Duration.ofHours(1);
    static final Duration MULTIPART_TTL = Duration.ofHours(24);

    private final UploadRepository repository;
    private final ObjectStorage storage;
    private final Clock clock;

    Uploads(UploadRepository repository, ObjectStorage storage, Clock clock) {
        this.repository = repository;
        this.storage = storage;
        this.clock = clock;
    }

    public record Request(String purpose, String filename, String contentType, long sizeBytes, @Nullable Long targetId,
            @Nullable Long folderId, String visibility) {
    }

    public record PartUrl(int partNumber, String url) {
    }

    /** What the browser needs: one URL (method single) or one per part (method multipart), and the headers to send. */
    public record Started(UUID uploadId, String method, @Nullable String url, @Nullable List<PartUrl> parts, @Nullable Long partSize,
            Map<String, String> headers, Instant expiresAt) {
    }

    /** Starts an upload to {@code prefix/{id}/{name}}; {@code maxBytes} is the purpose's size limit. */
    @Transactional
    public Started start(Request request, String prefix, long maxBytes, long caller) {
        var errors = new FieldErrors();
        if (request.sizeBytes() < 1 || request.sizeBytes() > maxBytes) {
            errors.add("size_bytes", "must be between 1 and " + maxBytes + " bytes");
        }
        if (request.filename().isBlank() || request.filename().length() > 255) {
            errors.add("filename", "must be 1 to 255 characters");
        }
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        int dot = request.filename().lastIndexOf('.');
        String name = Slugs.of(dot > 0 ? request.filename().substring(0, dot) : request.filename());
        String extension = dot > 0 ? Slugs.of(request.filename().substring(dot + 1)) : "";
        String key = prefix + "/" + id + "/" + (name.isEmpty() ? "file" : name) + (extension.isEmpty() ? "" : "." + extension);
        Instant now = clock.instant();
        if (request.sizeBytes() <= SINGLE_PUT_LIMIT) {
            var url = storage.uploadUrl(key, request.contentType(), request.sizeBytes(), SINGLE_TTL);
            repository.insert(upload(id, request, key, null, null, caller, now.plus(SINGLE_TTL)));
            return new Started(id, "single", url.url().toString(), null, null, url.headers(), url.expiresAt());
        }
        long partSize = partSize(request.sizeBytes());
        String multipartId = storage.startMultipart(key, request.contentType(), partSize);
        int count = (int) ((request.sizeBytes() + partSize - 1) / partSize);
        var parts = new ArrayList<PartUrl>(count);
        for (int n = 1; n <= count; n++) {
            parts.add(new PartUrl(n, storage.partUploadUrl(key, multipartId, n, MULTIPART_TTL).url().toString()));
        }
        repository.insert(upload(id, request, key, multipartId, partSize, caller, now.plus(MULTIPART_TTL)));
        return new Started(id, "multipart", null, parts, partSize, Map.of(), now.plus(MULTIPART_TTL));
    }

    /** Whole megabytes, at least 8 MB, at most 100 MB, and few enough parts. */
    static long partSize(long size) {
        long mb = 1024 * 1024;
        long wanted = Math.max(MIN_PART, (size + TARGET_PARTS - 1) / TARGET_PARTS);
        long rounded = (wanted + mb - 1) / mb * mb;
        return Math.min(SINGLE_PUT_LIMIT, Math.max(rounded, (size + MAX_PARTS - 1) / MAX_PARTS));
    }

    public record Part(int partNumber, String etag) {
    }

    /** A part as the browser reports it on completion: its number and the ETag its PUT answered. */
    public record CompletedPart(@NotNull @Positive Integer partNumber, @NotBlank String etag) {
    }

    /** The body of a completion request; multipart uploads list every part, single PUTs send none (or no body). */
    public record Completion(@Nullable @Size(max = MAX_PARTS) List<@Valid CompletedPart> parts) {
    }

    public static List<Part> partsOf(@Nullable Completion body) {
        return body == null || body.parts() == null ? List.of()
                : body.parts().stream().map(p -> new Part(p.partNumber(), p.etag())).toList();
    }

    /** The purpose of one of the caller's uploads; another user's or an unknown id is 404. */
    public String purposeOf(UUID id, long caller) {
        return repository.find(id).filter(u -> u.createdBy() == caller).map(Upload::purpose)
                .orElseThrow(() -> ApiException.notFound("upload"));
    }

    /**
     * Locks the caller's upload for completion: an upload already completed comes back as it is (its result id set),
     * so completing twice answers the same; an expired or aborted one is 410, another user's 404.
     */
    @Transactional
    public Upload lockForCompletion(UUID id, String purpose, long caller) {
        var upload = repository.findForUpdate(id).filter(u -> u.createdBy() == caller && u.purpose().equals(purpose))
                .orElseThrow(() -> ApiException.notFound("upload"));
        if (upload.status().equals("completed")) {
            return upload;
        }
        if (!upload.status().equals("pending") || upload.expiresAt().isBefore(clock.instant())) {
            throw ApiException.gone("upload_expired", "the upload expired or was aborted; start a new one");
        }
        return upload;
    }

    /**
     * Joins the parts (multipart) and checks the stored size; on a mismatch the object is deleted, the upload
     * aborted and 422 upload_mismatch thrown. Call inside the transaction of {@link #lockForCompletion}.
     */
    public void assemble(Upload upload, List<Part> parts) {
        if (upload.multipart()) {
            if (parts.isEmpty()) {
                throw ApiException.unprocessable("upload_mismatch", "parts", "list every part with its etag");
            }
            try {
                storage.completeMultipart(upload.storageKey(), upload.multipartUploadId(),
                        parts.stream().map(p -> new ObjectStorage.CompletedPart(p.partNumber(), p.etag())).toList());
            } catch (IllegalArgumentException e) {
                throw ApiException.unprocessable("upload_mismatch", "parts", "the parts do not match what was uploaded: " + e.getMessage());
            }
        }
        var stored = storage.stat(upload.storageKey()).orElse(null);
        if (stored == null || stored.size() != upload.sizeBytes()) {
            refused(upload);
            throw ApiException.unprocessable("upload_mismatch", "size_bytes", stored == null ? "no file was uploaded"
                    : "the uploaded file has " + stored.size() + " bytes, not the " + upload.sizeBytes() + " announced");
        }
    }

    /** The bytes were refused (type, size): the object goes and the upload ends as aborted. */
    public void refused(Upload upload) {
        discard(upload);
        repository.finish(upload.id(), "aborted", null);
    }

    /** Marks the upload completed with what it became. */
    public void completed(Upload upload, @Nullable Long resultId) {
        repository.finish(upload.id(), "completed", resultId);
    }

    /**
     * A completed, not yet used upload of the caller, for endpoints that take {upload_id}, locked until the caller's
     * transaction ends; 422 on the field otherwise. Record what it became with {@link #completed}.
     */
    public Upload unusedUpload(UUID id, String purpose, long caller, String field) {
        return repository.findForUpdate(id)
                .filter(u -> u.createdBy() == caller && u.purpose().equals(purpose) && u.status().equals("completed") && u.resultId() == null)
                .orElseThrow(() -> ApiException.invalid(field, "is not a completed, unused " + purpose + " upload of yours"));
    }

    @Transactional
    public void abort(UUID id, String purpose, long caller) {
        var upload = repository.findForUpdate(id).filter(u -> u.createdBy() == caller && u.purpose().equals(purpose))
                .orElseThrow(() -> ApiException.notFound("upload"));
        if (upload.status().equals("completed")) {
            throw ApiException.conflict("upload_completed", "the upload is already completed");
        }
        if (upload.status().equals("pending")) {
            discard(upload);
            repository.finish(upload.id(), "aborted", null);
        }
    }

    /** Hourly: pending uploads past their expiry lose their parts (rule 23). */
    @Transactional
    public int expire() {
        var expired = repository.expired(100);
        for (Upload upload : expired) {
            discard(upload);
            repository.finish(upload.id(), "expired", null);
        }
        return expired.size();
    }

    private void discard(Upload upload) {
        if (upload.multipart()) {
            storage.abortMultipart(upload.storageKey(), upload.multipartUploadId());
        }
        storage.delete(upload.storageKey());
    }

    private static Upload upload(UUID id, Request request, String key, @Nullable String multipartId, @Nullable Long partSize, long caller,
            Instant expires) {
        return new Upload(id, request.purpose(), key, request.filename(), request.contentType(), request.sizeBytes(), multipartId, partSize,
                request.targetId(), request.folderId(), request.visibility(), "pending", null, caller, Instant.EPOCH, expires);
    }
}
