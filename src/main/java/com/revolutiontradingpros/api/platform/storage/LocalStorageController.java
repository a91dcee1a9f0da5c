package com.revolutiontradingpros.api.platform.storage;

import java.io.IOException;
import java.io.InputStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * Serves the local store's signed URLs. The signature, not a session, is the permission: whoever holds an
 * unexpired URL may read (or, for an upload URL, write) that one object.
 */
@RestController
@Public
@Tag(name = "Storage")
class LocalStorageController {

    static final String PATH = "/storage/";

    private final ObjectStorage storage;

    LocalStorageController(ObjectStorage storage) {
        this.storage = storage;
    }

    @GetMapping(PATH + "{*key}")
    @Operation(summary = "Download an object through a signed URL (local storage only)")
    ResponseEntity<InputStreamResource> download(@PathVariable String key,
            @Parameter(description = "expiry, epoch seconds") @RequestParam long expires,
            @Parameter(description = "HMAC-SHA256 signature") @RequestParam String signature) throws IOException {
        var local = local();
        String objectKey = objectKey(key);
        if (!local.verify("GET", objectKey, "", expires, signature)) {
            throw invalidSignature();
        }
        var object = storage.stat(objectKey).orElseThrow(() -> ApiException.notFound("object"));
        InputStream content = storage.open(objectKey).orElseThrow(() -> ApiException.notFound("object"));
        return ResponseEntity.ok()
                .contentType(mediaType(object.contentType()))
                .contentLength(object.size())
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
                // Uploaded HTML or SVG must never run as a page of this origin.
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(new InputStreamResource(content));
    }

    @PutMapping(PATH + "{*key}")
    @Operation(summary = "Upload an object's bytes through a signed upload URL (local storage only)")
    ResponseEntity<Void> upload(@PathVariable String key, @RequestParam long expires, @RequestParam String signature,
            HttpServletRequest request) throws IOException {
        var local = local();
        String objectKey = objectKey(key);
        String contentType = request.getContentType() == null ? "" : request.getContentType();
        if (!local.verify("PUT", objectKey, contentType, expires, signature)) {
            throw invalidSignature();
        }
        storage.put(objectKey, request.getInputStream(), request.getContentLengthLong(), contentType);
        return ResponseEntity.ok().build();
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
        return ApiException.forbidden("invalid_signature", "the link is invalid or has expired");
    }
}
