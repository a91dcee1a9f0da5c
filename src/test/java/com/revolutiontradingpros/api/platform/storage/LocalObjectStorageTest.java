package com.revolutiontradingpros.api.platform.storage;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.revolutiontradingpros.api.support.ApiTest;

/** The embedded default: files under the data folder, served through HMAC-signed URLs. */
class LocalObjectStorageTest extends ApiTest {

    @Autowired
    ObjectStorage storage;

    @Test
    void signedDownloadUrlServesTheObjectUntilItExpires() {
        assertThat(storage.name()).isEqualTo("local");
        byte[] bytes = "hello storage".getBytes(StandardCharsets.UTF_8);
        storage.put("tests/hello.txt", new ByteArrayInputStream(bytes), bytes.length, "text/plain");
        assertThat(storage.stat("tests/hello.txt")).get().extracting(ObjectStorage.StoredObject::size).isEqualTo((long) bytes.length);

        String url = storage.downloadUrl("tests/hello.txt", Duration.ofMinutes(5)).toString();
        assertThat(url).contains("/media/files/tests/hello.txt?expires=");
        String path = url.substring(url.indexOf("/media/files/"));
        var response = http.get(path);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello storage");
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        assertThat(response.header("Content-Security-Policy")).contains("sandbox");

        assertProblem(http.get(path.replace("signature=", "signature=0")), 403, "invalid_signature");
        assertProblem(http.get(path.replace("hello.txt", "other.txt")), 403, "invalid_signature");
        String expired = storage.downloadUrl("tests/hello.txt", Duration.ofSeconds(-1)).toString();
        assertProblem(http.get(expired.substring(expired.indexOf("/media/files/"))), 410, "link_expired");
        assertProblem(http.get("/media/files/tests/hello.txt"), 404, "not_found");

        var range = http.get(path, "Range", "bytes=6-12");
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.body()).isEqualTo("storage");
        assertThat(range.header("Content-Range")).isEqualTo("bytes 6-12/13");
        var notModified = http.get(path, "If-None-Match", response.header("ETag"));
        assertThat(notModified.status()).isEqualTo(304);
    }

    @Test
    void signedUploadUrlAcceptsOneBodyWithinItsLimit() {
        var upload = storage.uploadUrl("tests/upload.bin", "image/png", 7, Duration.ofMinutes(5));
        assertThat(upload.method()).isEqualTo("PUT");
        assertThat(upload.url().getPath()).startsWith("/media/uploads/").endsWith("/parts/1");
        String path = upload.url().toString().substring(upload.url().toString().indexOf("/media/uploads/"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        assertProblem(http.send("PUT", path.replace("signature=", "signature=0"), "image/png", png), 403, "invalid_signature");
        assertProblem(http.send("PUT", path, "image/png", new byte[8]), 413, "part_too_large");
        assertThat(http.send("PUT", path, "image/png", png).status()).isEqualTo(200);

        var stored = storage.stat("tests/upload.bin").orElseThrow();
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.size()).isEqualTo(png.length);
        assertThat(storage.head("tests/upload.bin", 4)).get().isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        var expired = storage.uploadUrl("tests/late.bin", "image/png", 7, Duration.ofSeconds(-1)).url().toString();
        assertProblem(http.send("PUT", expired.substring(expired.indexOf("/media/uploads/")), "image/png", png), 410, "link_expired");
    }

    @Test
    void multipartUploadJoinsItsPartsInOrder() throws java.io.IOException {
        String id = storage.startMultipart("tests/joined.txt", "text/plain", 5);
        var etags = new java.util.ArrayList<ObjectStorage.CompletedPart>();
        String[] parts = {"hello", " big ", "world"};
        for (int n = 1; n <= parts.length; n++) {
            String url = storage.partUploadUrl("tests/joined.txt", id, n, Duration.ofMinutes(5)).url().toString();
            var put = http.send("PUT", url.substring(url.indexOf("/media/uploads/")), "text/plain", parts[n - 1].getBytes(StandardCharsets.UTF_8));
            assertThat(put.status()).isEqualTo(200);
            etags.add(new ObjectStorage.CompletedPart(n, put.header("ETag")));
        }
        assertThat(storage.stat("tests/joined.txt")).isEmpty();
        assertThatThrownBy(() -> storage.completeMultipart("tests/joined.txt", id,
                java.util.List.of(etags.get(0), new ObjectStorage.CompletedPart(2, "\"bad\""), etags.get(2))))
                .isInstanceOf(IllegalArgumentException.class);
        storage.completeMultipart("tests/joined.txt", id, etags);
        try (var in = storage.open("tests/joined.txt").orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello big world");
        }

        String aborted = storage.startMultipart("tests/aborted.txt", "text/plain", 5);
        String url = storage.partUploadUrl("tests/aborted.txt", aborted, 1, Duration.ofMinutes(5)).url().toString();
        storage.abortMultipart("tests/aborted.txt", aborted);
        assertProblem(http.send("PUT", url.substring(url.indexOf("/media/uploads/")), "text/plain", new byte[3]), 404, "not_found");
    }

    @Test
    void deleteAndMissingObjects() {
        byte[] bytes = {1, 2, 3};
        storage.put("tests/gone.bin", new ByteArrayInputStream(bytes), 3, "application/octet-stream");
        storage.delete("tests/gone.bin");
        storage.delete("tests/gone.bin");
        assertThat(storage.stat("tests/gone.bin")).isEmpty();
        assertThat(storage.open("tests/gone.bin")).isEmpty();
        String url = storage.downloadUrl("tests/gone.bin", Duration.ofMinutes(1)).toString();
        assertProblem(http.get(url.substring(url.indexOf("/media/files/"))), 404, "not_found");
    }

    @Test
    void keysCannotEscapeTheMediaFolder() {
        assertThatThrownBy(() -> storage.put("../escape.txt", new ByteArrayInputStream(new byte[1]), 1, "text/plain"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.stat("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.stat(".content-types/x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(http.get("/media/files/..%2F..%2Fetc%2Fpasswd?expires=9999999999&signature=x").status()).isIn(400, 403, 404);
    }
}
