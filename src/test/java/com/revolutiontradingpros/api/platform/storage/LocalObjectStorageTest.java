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
        assertThat(url).contains("/storage/tests/hello.txt?expires=");
        String path = url.substring(url.indexOf("/storage/"));
        var response = http.get(path);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello storage");
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        assertThat(response.header("Content-Security-Policy")).contains("sandbox");

        assertProblem(http.get(path.replace("signature=", "signature=0")), 403, "invalid_signature");
        assertProblem(http.get(path.replace("hello.txt", "other.txt")), 403, "invalid_signature");
        String expired = storage.downloadUrl("tests/hello.txt", Duration.ofSeconds(-1)).toString();
        assertProblem(http.get(expired.substring(expired.indexOf("/storage/"))), 403, "invalid_signature");
        assertThat(http.get("/storage/tests/hello.txt").status()).isIn(400, 422);
    }

    @Test
    void signedUploadUrlAcceptsBytesOnlyWithItsContentType() {
        var upload = storage.uploadUrl("tests/upload.bin", "image/png", Duration.ofMinutes(5));
        assertThat(upload.method()).isEqualTo("PUT");
        String path = upload.url().toString().substring(upload.url().toString().indexOf("/storage/"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        assertProblem(http.send("PUT", path, "text/html", png), 403, "invalid_signature");
        assertThat(http.send("PUT", path, "image/png", png).status()).isEqualTo(200);

        var stored = storage.stat("tests/upload.bin").orElseThrow();
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.size()).isEqualTo(png.length);
        assertThat(http.get(path).status()).isEqualTo(403);
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
        assertProblem(http.get(url.substring(url.indexOf("/storage/"))), 404, "not_found");
    }

    @Test
    void keysCannotEscapeTheMediaFolder() {
        assertThatThrownBy(() -> storage.put("../escape.txt", new ByteArrayInputStream(new byte[1]), 1, "text/plain"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.stat("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.stat(".content-types/x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(http.get("/storage/..%2F..%2Fetc%2Fpasswd?expires=9999999999&signature=x").status()).isIn(400, 403, 404);
    }
}
