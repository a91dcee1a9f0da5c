package com.revolutiontradingpros.api.platform.storage;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * The local store's HTTP face, standing in for the object store's own URLs (rows 51 and 65 of 04-content). A
 * signature, not a session, is the permission: whoever holds an unexpired URL may read (or, for an upload URL,
 * write) that one object. Public objects are served without one.
 */
@RestController
@Public
@Tag(name = "Storage")
class LocalStorageController {

    static final String FILES = "/media/files/";
    static final String UPLOADS = "/media/uploads/";

    private final ObjectStorage storage;
    private final List<PublicObjects> publicObjects;

    LocalStorageController(ObjectStorage storage, List<PublicObjects> publicObjects) {
        this.storage = storage;
        this.publicObjects = publicObjects;
    }

    @GetMapping(FILES + "{*key}")
    @Operation(summary = "Download a stored object (local storage only)", description = """
            Public objects are served as they are; private ones need the `expires` and `signature` of a signed URL. \
            Honours Range (206) and If-None-Match (304); versioned media keys are cached as immutable.""")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "206", description = "The requested range")
    @ApiResponse(responseCode = "403", description = "invalid_signature")
    @ApiResponse(responseCode = "410", description = "link_expired")
    ResponseEntity<Resource> download(@PathVariable String key,
            @Parameter(description = "expiry, epoch seconds") @RequestParam @Nullable Long expires,
            @Parameter(description = "HMAC-SHA256 signature") @RequestParam @Nullable String signature,
            @Parameter(description = "Content-Disposition of an attachment link (signed)") @RequestParam @Nullable String download,
            WebRequest request) throws IOException {
        var local = local();
        String objectKey = objectKey(key);
        boolean signed = expires != null && signature != null;
        if (signed) {
            switch (local.verifyDownload(objectKey, download, expires, signature)) {
                case INVALID -> throw invalidSignature();
                case EXPIRED -> throw expired();
                case VALID -> { }
            }
        } else if (publicObjects.stream().noneMatch(objects -> objects.isPublic(objectKey))) {
            throw ApiException.notFound("object");
        }
        var file = local.path(objectKey).orElseThrow(() -> ApiException.notFound("object"));
        var resource = new FileSystemResource(file);
        String etag = "\"" + Long.toHexString(resource.lastModified()) + "-" + Long.toHexString(resource.contentLength()) + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        // Media keys carry the file version, so a key's bytes never change; signed links are private to their holder.
        CacheControl cache = signed ? CacheControl.maxAge(Duration.ofHours(1)).cachePrivate()
                : objectKey.startsWith("media/") ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
                : CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
        var response = ResponseEntity.ok();
        if (signed && download != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, download);
        }
        return response
                .contentType(mediaType(local.contentType(objectKey)))
                .eTag(etag)
                .cacheControl(cache)
                .header("Accept-Ranges", "bytes")
                // Uploaded HTML or SVG must never run as a page of this origin.
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(resource);
    }

    @PutMapping(UPLOADS + "{uploadId}/parts/{partNumber}")
    @Operation(summary = "Receive the bytes of a presigned upload URL (local storage only)", description = """
            The URL's `expires` and `signature` authorise the write instead of a bearer token. A single upload's \
            one part becomes the object at once; multipart parts wait for the upload's completion.""")
    @ApiResponse(responseCode = "200", description = "Stored; the ETag header is the part's etag")
    @ApiResponse(responseCode = "403", description = "invalid_signature")
    @ApiResponse(responseCode = "410", description = "link_expired")
    @ApiResponse(responseCode = "413", description = "part_too_large")
    ResponseEntity<Void> uploadPart(@PathVariable String uploadId, @PathVariable int partNumber, @RequestParam long expires,
            @RequestParam String signature, HttpServletRequest request) throws IOException {
        var local = local();
        try {
            String etag = local.receivePart(uploadId, partNumber, expires, signature, request.getInputStream());
            return ResponseEntity.ok().eTag("\"" + etag + "\"").build();
        } catch (LocalObjectStorage.SignatureException e) {
            throw e.expired ? expired() : invalidSignature();
        } catch (LocalObjectStorage.PartTooLargeException e) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "part_too_large", "Content too large", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("upload");
        }
    }

    private LocalObjectStorage local() {
        if (storage instanceof LocalObjectStorage local) {
            return local;
        }
        throw ApiException.notFound("object");
    }

    private static String objectKey(String path) {
        String key = path.startsWith("/") ? path.substring(1) : path;
        if (!ObjectStorage.KEY.matcher(key).matches()) {
            throw ApiException.notFound("object");
        }
        return key;
    }

    private static MediaType mediaType(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static ApiException invalidSignature() {
        return ApiException.forbidden("invalid_signature", "the link's signature is invalid");
    }

    private static ApiException expired() {
        return ApiException.gone("link_expired", "the link has expired");
    }
}
