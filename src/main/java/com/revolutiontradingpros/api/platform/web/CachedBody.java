package com.revolutiontradingpros.api.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A response body serialised once, with its ETag, ready to send again without any database or JSON work:
 * what public reads keep in their in-process caches.
 */
public record CachedBody(byte[] bytes, String etag, MediaType contentType) {

    public static CachedBody json(byte[] bytes) {
        return new CachedBody(bytes, Conditional.etagOf(bytes), MediaType.APPLICATION_JSON);
    }

    /** 304 when the client has this version, else the bytes, with caching headers a CDN can act on. */
    public ResponseEntity<byte[]> respond(HttpServletRequest request, String cacheControl) {
        if (Conditional.notModified(request, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(contentType)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .body(bytes);
    }
}
