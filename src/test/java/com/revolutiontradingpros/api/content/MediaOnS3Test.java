package com.revolutiontradingpros.api.content;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.ExternalProcess;
import com.revolutiontradingpros.api.support.TestServices;

/**
 * The media scenarios again with the application on the S3 adapter, against S3Mock (a real S3 API server): the
 * SDK's presigned PUT, multipart part URLs and presigned GETs are used by a plain HTTP client, as a browser would.
 */
class MediaOnS3Test extends ApiTest {

    private static final HttpClient BROWSER = HttpClient.newHttpClient();
    private static ExternalProcess s3mock;
    private static String endpoint;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) throws Exception {
        int port = ExternalProcess.freePort();
        s3mock = ExternalProcess.s3mock(port, "s3mock-media");
        endpoint = "http://127.0.0.1:" + port;
        registry.add("app.database.url", () -> TestServices.createDatabase("rtp_t_" + TestServices.RUN_ID + "_media_s3"));
        registry.add("app.storage.bucket", () -> "rtp-media");
        registry.add("app.storage.endpoint", () -> endpoint);
        registry.add("app.storage.access-key-id", () -> "test-key");
        registry.add("app.storage.secret-access-key", () -> "test-secret");
        registry.add("app.storage.force-path-style", () -> "true");
    }

    @AfterAll
    static void stop() {
        if (s3mock != null) {
            s3mock.close();
        }
    }

    @Test
    void uploadsDirectUploadsSignedLinksAndDeletesOnS3() throws Exception {
        var author = as(Role.AUTHOR);
        var editor = as(Role.EDITOR);

        var posted = MediaTest.upload(author, "chart.pdf", "application/pdf", MediaFixtures.png(900, 600), Map.of());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String url = posted.json().get("url").asString();
        assertThat(url).startsWith(endpoint + "/rtp-media/media/").endsWith("/chart.png");
        assertThat(browserGet(url).statusCode()).isEqualTo(200);
        long postedId = posted.json().get("id").asLong();
        Eventually.within(Duration.ofSeconds(30), () ->
                assertThat(author.get("/media/" + postedId).json().get("variants_status").asString()).isEqualTo("ready"));
        assertThat(editor.get("/media/stats").json().get("storage_backend").asString()).isEqualTo("s3");

        byte[] png = MediaFixtures.png(300, 200);
        var single = author.post("/media/uploads", "{\"filename\":\"setup.png\",\"content_type\":\"image/png\",\"size_bytes\":%d}"
                .formatted(png.length));
        assertThat(single.json().get("url").asString()).contains("X-Amz-Signature");
        var put = BROWSER.send(HttpRequest.newBuilder(URI.create(single.json().get("url").asString())).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        var done = author.post("/media/uploads/" + single.json().get("upload_id").asString() + "/complete", "{}");
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        assertThat(done.json().get("width").asInt()).isEqualTo(300);

        int size = 100 * 1024 * 1024 + 1;
        byte[] pdf = new byte[size];
        System.arraycopy("%PDF-1.5\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        var multi = author.post("/media/uploads", """
                {"filename":"big.pdf","content_type":"application/pdf","size_bytes":%d,"visibility":"private"}""".formatted(size));
        assertThat(multi.json().get("method").asString()).isEqualTo("multipart");
        long partSize = multi.json().get("part_size").asLong();
        var parts = new StringBuilder();
        for (var part : multi.json().get("parts")) {
            int n = part.get("part_number").asInt();
            int from = (int) ((n - 1) * partSize);
            byte[] bytes = java.util.Arrays.copyOfRange(pdf, from, (int) Math.min(size, from + partSize));
            var sent = BROWSER.send(HttpRequest.newBuilder(URI.create(part.get("url").asString()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            parts.append(parts.isEmpty() ? "" : ",").append("{\"part_number\":%d,\"etag\":\"%s\"}"
                    .formatted(n, sent.headers().firstValue("ETag").orElseThrow().replace("\"", "\\\"")));
        }
        var big = author.post("/media/uploads/" + multi.json().get("upload_id").asString() + "/complete", "{\"parts\":[" + parts + "]}");
        assertThat(big.status()).as(big.body()).isEqualTo(201);
        assertThat(big.json().get("size_bytes").asLong()).isEqualTo(size);
        assertThat(big.json().get("url").isNull()).isTrue();

        long bigId = big.json().get("id").asLong();
        var link = author.get("/media/" + bigId + "/url?expires_in=300");
        String signed = link.json().get("url").asString();
        assertThat(signed).contains("X-Amz-Signature");
        var ranged = BROWSER.send(HttpRequest.newBuilder(URI.create(signed)).header("Range", "bytes=0-3").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ranged.statusCode()).isEqualTo(206);
        assertThat(ranged.body()).isEqualTo("%PDF");

        assertThat(editor.delete("/media/" + postedId).status()).isEqualTo(204);
        assertThat(browserGet(url).statusCode()).isEqualTo(404);
        assertProblem(author.get("/media/" + postedId), 404, "not_found");
    }

    private static HttpResponse<Void> browserGet(String url) throws Exception {
        return BROWSER.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding());
    }
}
