package com.revolutiontradingpros.api.platform.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where files live: uploads, image variants, exports. Keys are slash-separated paths such as
 * {@code media/2026/11/abc.webp}; callers never learn where the bytes are kept.
 */
public interface ObjectStorage {

    Pattern KEY = Pattern.compile("^(?!.*\\.\\.)(?!/)[A-Za-z0-9][A-Za-z0-9/._=-]{0,1023}$");

    /** "local" or "s3", for health and logs. */
    String name();

    void put(String key, InputStream content, long length, String contentType);

    Optional<StoredObject> stat(String key);

    /** The object's bytes; the caller closes the stream. */
    Optional<InputStream> open(String key);

    /** Deleting a missing key is not an error. */
    void delete(String key);

    /** A URL anyone holding it may GET the object from until it expires. */
    URI downloadUrl(String key, Duration validFor);

    /** Like {@link #downloadUrl(String, Duration)}, answered with Content-Disposition: attachment and this file name. */
    URI attachmentUrl(String key, Duration validFor, String filename);

    /** The first bytes of the object (at most {@code length}), for sniffing its type without reading it all. */
    default Optional<byte[]> head(String key, int length) {
        return range(key, 0, length);
    }

    /** At most {@code length} bytes from {@code offset} (fewer at the end of the object), for reading container headers. */
    Optional<byte[]> range(String key, long offset, int length);

    /** Copies an object to a new key (a visibility change moves it, so the old URL stops working). */
    void copy(String fromKey, String toKey);

    /** The object's permanent, unsigned URL: only ever handed out for objects meant to be public. */
    URI publicUrl(String key);

    /**
     * A URL a browser may PUT the object's bytes to directly, with the given content type, until it expires;
     * the local store refuses bodies over {@code maxBytes} (S3 cannot bound a presigned PUT, so completion checks).
     */
    PresignedUpload uploadUrl(String key, String contentType, long maxBytes, Duration validFor);

    /** Starts a multipart upload (parts of at most {@code partSize} bytes, the last may be shorter); returns its id. */
    String startMultipart(String key, String contentType, long partSize);

    /** A URL the browser PUTs part {@code partNumber} (1-based) to; the answer's ETag header is the part's etag. */
    PresignedUpload partUploadUrl(String key, String multipartId, int partNumber, Duration validFor);

    /** Joins the parts into the object; throws {@link IllegalArgumentException} when a part is missing or its etag differs. */
    void completeMultipart(String key, String multipartId, List<CompletedPart> parts);

    /** Drops an unfinished multipart upload and its parts; unknown ids are ignored. */
    void abortMultipart(String key, String multipartId);

    /** Proves the store answers; throws when it does not. */
    void check();

    static String requireValidKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("invalid storage key");
        }
        return key;
    }

    record StoredObject(String key, long size, String contentType) {
    }

    record CompletedPart(int partNumber, String etag) {
    }

    /** Where and how to upload: the method, the URL and the headers the client must send. */
    record PresignedUpload(String method, URI url, Map<String, String> headers, java.time.Instant expiresAt) {
    }
}
