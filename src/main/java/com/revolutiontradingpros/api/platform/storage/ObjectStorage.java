package com.revolutiontradingpros.api.platform.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
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

    /** A URL a browser may PUT the object's bytes to directly, with the given content type, until it expires. */
    PresignedUpload uploadUrl(String key, String contentType, Duration validFor);

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

    /** Where and how to upload: the method, the URL and the headers the client must send. */
    record PresignedUpload(String method, URI url, Map<String, String> headers, java.time.Instant expiresAt) {
    }
}
