package com.revolutiontradingpros.api.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.platform.AppProperties;
import com.revolutiontradingpros.api.platform.web.HttpProperties;
import com.revolutiontradingpros.api.support.ExternalProcess;

/**
 * The S3 adapter, built from S3_* settings exactly as the application builds it, against Adobe S3Mock: a real
 * S3 API server started as its own process. Presigned URLs are used by a plain HTTP client, as a browser would.
 */
class S3ObjectStorageTest {

    static ExternalProcess s3mock;
    static ObjectStorage storage;

    @BeforeAll
    static void startS3() throws Exception {
        int port = ExternalProcess.freePort();
        s3mock = ExternalProcess.s3mock(port, "s3mock");
        var properties = new StorageProperties("rtp-media", "http://127.0.0.1:" + port, "us-east-1", "test-key",
                "test-secret", true, "", "", Duration.ofHours(1));
        storage = new StorageConfig().objectStorage(properties, new AppProperties(Path.of("target/unused")),
                new HttpProperties(null, null, List.of(), List.of(), "http://localhost", "http://localhost:3000"), Clock.systemUTC());
    }

    @AfterAll
    static void stopS3() {
        if (s3mock != null) {
            s3mock.close();
        }
    }

    @Test
    void putStatOpenAndDelete() throws Exception {
        assertThat(storage.name()).isEqualTo("s3");
        storage.check();
        byte[] bytes = "s3 bytes".getBytes();
        storage.put("media/2026/11/a.txt", new ByteArrayInputStream(bytes), bytes.length, "text/plain");
        var stat = storage.stat("media/2026/11/a.txt").orElseThrow();
        assertThat(stat.size()).isEqualTo(bytes.length);
        assertThat(stat.contentType()).startsWith("text/plain");
        try (var in = storage.open("media/2026/11/a.txt").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        storage.delete("media/2026/11/a.txt");
        assertThat(storage.stat("media/2026/11/a.txt")).isEmpty();
        assertThat(storage.open("media/2026/11/a.txt")).isEmpty();
    }

    @Test
    void presignedUploadThenPresignedDownload() throws Exception {
        var upload = storage.uploadUrl("uploads/direct.png", "image/png", 1024, Duration.ofMinutes(5));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 9, 9};
        var client = HttpClient.newHttpClient();
        var put = client.send(HttpRequest.newBuilder(upload.url()).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        URI download = storage.downloadUrl("uploads/direct.png", Duration.ofMinutes(5));
        assertThat(download.getQuery()).contains("X-Amz-Signature");
        var get = client.send(HttpRequest.newBuilder(download).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(png);
    }

    @Test
    void multipartUploadThroughPresignedPartUrls() throws Exception {
        String key = "media/2026/11/multi/report.bin";
        String id = storage.startMultipart(key, "application/pdf", 5 * 1024 * 1024);
        var client = HttpClient.newHttpClient();
        byte[] first = new byte[5 * 1024 * 1024];
        first[0] = '%';
        first[1] = 'P';
        byte[] second = "the tail".getBytes();
        var parts = new java.util.ArrayList<ObjectStorage.CompletedPart>();
        int n = 1;
        for (byte[] bytes : List.of(first, second)) {
            var url = storage.partUploadUrl(key, id, n, Duration.ofMinutes(5));
            var put = client.send(HttpRequest.newBuilder(url.url()).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            parts.add(new ObjectStorage.CompletedPart(n++, put.headers().firstValue("ETag").orElseThrow()));
        }
        storage.completeMultipart(key, id, parts);
        assertThat(storage.stat(key).orElseThrow().size()).isEqualTo(first.length + second.length);
        assertThat(storage.head(key, 2)).get().isEqualTo(new byte[] {'%', 'P'});

        storage.copy(key, "media/2026/11/multi/copy.bin");
        assertThat(storage.stat("media/2026/11/multi/copy.bin").orElseThrow().size()).isEqualTo(first.length + second.length);
        var attachment = storage.attachmentUrl("media/2026/11/multi/copy.bin", Duration.ofMinutes(5), "Report 2026.pdf");
        var get = client.send(HttpRequest.newBuilder(attachment).GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(storage.publicUrl("media/2026/11/multi/copy.bin").toString()).endsWith("/rtp-media/media/2026/11/multi/copy.bin");

        String aborted = storage.startMultipart("media/2026/11/multi/aborted.bin", "application/pdf", 5 * 1024 * 1024);
        storage.abortMultipart("media/2026/11/multi/aborted.bin", aborted);
        storage.abortMultipart("media/2026/11/multi/aborted.bin", aborted);
        assertThat(storage.stat("media/2026/11/multi/aborted.bin")).isEmpty();
        storage.delete(key);
        assertThat(storage.stat(key)).isEmpty();
    }
}
