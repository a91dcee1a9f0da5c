package com.revolutiontradingpros.api.content;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.Http;
import com.revolutiontradingpros.api.support.Response;

/** The media library on the embedded store: sniffing, stripping, variants, direct uploads, usages, links and folders. */
class MediaTest extends ApiTest {

    static Response upload(Http client, String filename, String declaredType, byte[] bytes, Map<String, String> fields) {
        return client.sendForm("POST", "/media", fields, "file", filename, declaredType, bytes);
    }

    static String path(String url) {
        int at = url.indexOf("/media/");
        return url.substring(at);
    }

    @Test
    void scenario7UploadsAndTheUsageGuard() {
        var author = as(Role.AUTHOR);
        var editor = as(Role.EDITOR);

        var png = upload(author, "chart.pdf", "application/pdf", MediaFixtures.png(320, 200), Map.of("alt_text", "A chart"));
        assertThat(png.status()).as(png.body()).isEqualTo(201);
        assertThat(png.json().get("mime_type").asString()).isEqualTo("image/png");
        assertThat(png.json().get("kind").asString()).isEqualTo("image");
        assertThat(png.json().get("url").asString()).endsWith("/chart.png");
        assertThat(png.header("ETag")).isNotBlank();

        assertProblem(upload(author, "photo.jpg", "image/jpeg",
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8), Map.of()),
                415, "unsupported_media_type");

        byte[] fixture = MediaFixtures.png(2000, 1200);
        var started = author.post("/media/uploads", """
                {"filename": "setup.png", "content_type": "image/png", "size_bytes": %d}""".formatted(fixture.length));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("method").asString()).isEqualTo("single");
        String uploadId = started.json().get("upload_id").asString();
        var put = http.send("PUT", path(started.json().get("url").asString()), "image/png", fixture);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        var completed = author.post("/media/uploads/" + uploadId + "/complete", "{}");
        assertThat(completed.status()).as(completed.body()).isEqualTo(201);
        assertThat(completed.json().get("kind").asString()).isEqualTo("image");
        assertThat(completed.json().get("width").asInt()).isEqualTo(2000);
        assertThat(completed.json().get("height").asInt()).isEqualTo(1200);
        long id = completed.json().get("id").asLong();
        var again = author.post("/media/uploads/" + uploadId + "/complete", "{}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asLong()).isEqualTo(id);
        assertProblem(as(Role.AUTHOR).post("/media/uploads/" + uploadId + "/complete", "{}"), 404, "not_found");

        Eventually.within(Duration.ofSeconds(30), () -> {
            var detail = author.get("/media/" + id);
            assertThat(detail.json().get("variants_status").asString()).isEqualTo("ready");
        });
        var detail = author.get("/media/" + id).json();
        var names = new ArrayList<String>();
        detail.get("variants").forEach(v -> names.add(v.get("name").asString() + "/" + v.get("format").asString()));
        assertThat(names).contains("thumb/original", "thumb/webp", "sm/webp", "md/original", "lg/webp");
        assertThat(detail.get("srcset").asString()).contains(" 640w").contains(" 1280w").contains(" 1920w");
        for (var variant : detail.get("variants")) {
            var file = http.get(path(variant.get("url").asString()));
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.header("Cache-Control")).contains("immutable");
            var image = MediaFixtures.decode(file.bytes());
            assertThat(image.getWidth()).isEqualTo(variant.get("width").asInt());
            if (variant.get("format").asString().equals("webp")) {
                assertThat(file.header("Content-Type")).isEqualTo("image/webp");
            }
        }

        var post = author.post("/posts", "{\"title\":\"Chart setups %s\",\"body_html\":\"<p>Words here.</p>\"}".formatted(UUID.randomUUID()));
        long postId = post.json().get("id").asLong();
        var patched = author.patch("/posts/" + postId, "{\"featured_media_id\": %d}".formatted(id));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        var refused = editor.delete("/media/" + id);
        assertProblem(refused, 409, "media_in_use");
        assertThat(refused.json().get("usages").get(0).get("owner_id").asLong()).isEqualTo(postId);
        var usage = author.get("/media/" + id + "/usage");
        assertThat(usage.json().size()).isEqualTo(1);
        assertThat(usage.json().get(0).get("field").asString()).isEqualTo("featured_media_id");
        assertThat(author.get("/media/" + id).json().get("usage_count").asInt()).isEqualTo(1);

        assertThat(author.patch("/posts/" + postId, "{\"featured_media_id\": null}").status()).isEqualTo(200);
        String original = path(detail.get("url").asString());
        assertThat(editor.delete("/media/" + id).status()).isEqualTo(204);
        assertProblem(author.get("/media/" + id), 404, "not_found");
        assertProblem(http.get(original), 404, "not_found");
        assertProblem(author.patch("/posts/" + postId, "{\"featured_media_id\": %d}".formatted(id)), 422, "validation_failed");
    }

    @Test
    void imagesAreStrippedMeasuredAndBombsRefused() {
        var author = as(Role.AUTHOR);
        var jpeg = upload(author, "IMG_0001.JPG", "image/jpeg", MediaFixtures.jpegWithGps(400, 300), Map.of());
        assertThat(jpeg.status()).as(jpeg.body()).isEqualTo(201);
        var stored = http.get(path(jpeg.json().get("url").asString()));
        assertThat(new String(stored.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude").doesNotContain("Exif");
        assertThat(MediaFixtures.decode(stored.bytes()).getWidth()).isEqualTo(400);
        assertThat(jpeg.json().get("checksum").asString()).hasSize(64);

        assertProblem(upload(author, "bomb.png", "image/png", MediaFixtures.pngBomb(), Map.of()), 422, "image_too_large");

        var svg = upload(author, "logo.svg", "image/svg+xml", """
                <?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "boom">]>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10" onload="alert(1)">
                <script>alert(2)</script><foreignObject><iframe src="https://evil.example"/></foreignObject>
                <image xlink:href="https://evil.example/track.png"/><rect width="10" height="10" fill="url(#g)"/>
                <a href="javascript:alert(3)"><circle r="4"/></a></svg>""".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(svg.status()).as(svg.body()).isEqualTo(201);
        assertThat(svg.json().get("mime_type").asString()).isEqualTo("image/svg+xml");
        assertThat(svg.json().get("variants_status").asString()).isEqualTo("none");
        String cleaned = http.get(path(svg.json().get("url").asString())).body();
        assertThat(cleaned).contains("<rect").contains("url(#g)").doesNotContain("script").doesNotContain("onload")
                .doesNotContain("evil.example").doesNotContain("javascript:").doesNotContain("ENTITY");

        var text = upload(author, "notes.csv", "text/csv", "date,symbol\n2026-11-25,SPX\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(text.json().get("mime_type").asString()).isEqualTo("text/csv");
        assertThat(text.json().get("kind").asString()).isEqualTo("document");
        assertProblem(upload(author, "tool.exe", "application/octet-stream", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, Map.of()),
                415, "unsupported_media_type");
        assertProblem(upload(author, "page.txt", "text/plain", "<div onclick=alert(1)>hi</div>".getBytes(StandardCharsets.UTF_8),
                Map.of()), 415, "unsupported_media_type");

        // Range requests, as video players and PDF viewers send them.
        var range = http.get(path(text.json().get("url").asString()), "Range", "bytes=0-3");
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.body()).isEqualTo("date");
    }

    @Test
    void multipartDirectUploadAndAbort() {
        var author = as(Role.AUTHOR);
        int size = 100 * 1024 * 1024 + 12_345;
        byte[] pdf = new byte[size];
        byte[] header = "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, pdf, 0, header.length);
        var started = author.post("/media/uploads", """
                {"filename": "Annual Report.pdf", "content_type": "application/pdf", "size_bytes": %d, "visibility": "private"}"""
                .formatted(size));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("method").asString()).isEqualTo("multipart");
        long partSize = started.json().get("part_size").asLong();
        var parts = started.json().get("parts");
        assertThat(parts.size()).isEqualTo((int) ((size + partSize - 1) / partSize));
        var etags = new StringBuilder();
        for (var part : parts) {
            int n = part.get("part_number").asInt();
            int from = (int) ((n - 1) * partSize);
            byte[] bytes = java.util.Arrays.copyOfRange(pdf, from, (int) Math.min(size, from + partSize));
            var put = http.send("PUT", path(part.get("url").asString()), "application/pdf", bytes);
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            etags.append(etags.isEmpty() ? "" : ",").append("{\"part_number\":%d,\"etag\":%s}".formatted(n,
                    tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(put.header("ETag"))));
        }
        String uploadId = started.json().get("upload_id").asString();
        assertProblem(author.post("/media/uploads/" + uploadId + "/complete", "{\"parts\":[{\"part_number\":1,\"etag\":\"x\"}]}"),
                422, "upload_mismatch");
        var done = author.post("/media/uploads/" + uploadId + "/complete", "{\"parts\":[" + etags + "]}");
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        assertThat(done.json().get("mime_type").asString()).isEqualTo("application/pdf");
        assertThat(done.json().get("size_bytes").asLong()).isEqualTo(size);
        assertThat(done.json().get("visibility").asString()).isEqualTo("private");
        assertThat(done.json().get("url").isNull()).isTrue();

        var other = author.post("/media/uploads", "{\"filename\":\"x.zip\",\"content_type\":\"application/zip\",\"size_bytes\":10}");
        String otherId = other.json().get("upload_id").asString();
        assertProblem(as(Role.AUTHOR).delete("/media/uploads/" + otherId), 404, "not_found");
        assertThat(author.delete("/media/uploads/" + otherId).status()).isEqualTo(204);
        assertProblem(author.post("/media/uploads/" + otherId + "/complete", "{}"), 410, "upload_expired");
        var tooBig = author.post("/media/uploads", "{\"filename\":\"x.zip\",\"content_type\":\"application/zip\",\"size_bytes\":6000000000}");
        assertProblem(tooBig, 422, "validation_failed");
        assertThat(tooBig.json().get("errors").has("size_bytes")).isTrue();
        var mismatch = author.post("/media/uploads", "{\"filename\":\"y.txt\",\"content_type\":\"text/plain\",\"size_bytes\":10}");
        http.send("PUT", path(mismatch.json().get("url").asString()), "text/plain", "short".getBytes(StandardCharsets.UTF_8));
        assertProblem(author.post("/media/uploads/" + mismatch.json().get("upload_id").asString() + "/complete", "{}"), 422,
                "upload_mismatch");
    }

    @Test
    void privateItemsGetSignedLinksOnlyForThoseWhoMayReadThem() {
        var author = as(Role.AUTHOR);
        var editor = as(Role.EDITOR);
        var item = upload(author, "playbook.pdf", "application/pdf", "%PDF-1.4\nplaybook".getBytes(StandardCharsets.ISO_8859_1),
                Map.of("visibility", "private", "title", "The playbook"));
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        long id = item.json().get("id").asLong();
        assertThat(item.json().get("url").isNull()).isTrue();

        var link = author.get("/media/" + id + "/url?expires_in=120&download=true");
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        assertThat(Instant.parse(link.json().get("expires_at").asString())).isBetween(Instant.now().plusSeconds(100), Instant.now().plusSeconds(130));
        var file = http.get(path(link.json().get("url").asString()));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).startsWith("%PDF");
        assertThat(file.header("Content-Disposition")).contains("attachment").contains("playbook.pdf");
        assertProblem(http.get(path(link.json().get("url").asString()).replace("attachment", "inline")), 403, "invalid_signature");
        assertProblem(http.get(path(link.json().get("url").asString()).split("\\?")[0]), 404, "not_found");
        assertProblem(author.get("/media/" + id + "/url?expires_in=10"), 422, "validation_failed");

        var member = signUp("Reader");
        assertProblem(member.client().get("/media/" + id + "/url"), 404, "not_found");
        assertProblem(http.get("/media/" + id + "/url"), 401, "unauthenticated");
        var post = editor.post("/posts", """
                {"title": "Members playbook %s", "visibility": "members",
                 "body_html": "<p>Intro.</p><!--members-only--><p>Get it <a data-media-id=\\"%d\\" href=\\"#\\">here</a>.</p>"}"""
                .formatted(UUID.randomUUID(), id));
        assertThat(post.status()).as(post.body()).isEqualTo(201);
        assertThat(member.client().get("/media/" + id + "/url").status()).isEqualTo(404);
        editor.post("/posts/" + post.json().get("id").asLong() + "/publish", "{}");
        assertThat(member.client().get("/media/" + id + "/url").status()).isEqualTo(200);
        assertThat(author.get("/media/" + id + "/usage").json().get(0).get("field").asString()).isEqualTo("body_html");

        // Turning it public moves the object: a new URL, and the item answers unsigned.
        var etag = author.get("/media/" + id).header("ETag");
        assertProblem(author.patch("/media/" + id, "{\"visibility\":\"public\"}", "If-Match", "\"stale\""), 412, "stale_version");
        assertProblem(as(Role.AUTHOR).patch("/media/" + id, "{\"title\":\"Mine now\"}"), 403, "editor_required");
        var opened = author.patch("/media/" + id, "{\"visibility\":\"public\",\"alt_text\":\"Playbook\"}", "If-Match", etag);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(http.get(path(opened.json().get("url").asString())).status()).isEqualTo(200);
        var closed = author.patch("/media/" + id, "{\"visibility\":\"private\"}");
        assertThat(closed.json().get("url").isNull()).isTrue();
        assertProblem(http.get(path(opened.json().get("url").asString())), 404, "not_found");
    }

    @Test
    void replaceEditFocalPointAndRegenerate() {
        var author = as(Role.AUTHOR);
        var editor = as(Role.EDITOR);
        var item = upload(author, "wide.png", "image/png", MediaFixtures.png(800, 400), Map.of());
        long id = item.json().get("id").asLong();
        String firstUrl = item.json().get("url").asString();

        var replaced = author.sendForm("PUT", "/media/" + id + "/file", Map.of(), "file", "wider.jpg", "image/jpeg",
                MediaFixtures.jpeg(1000, 500));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("file_version").asInt()).isEqualTo(2);
        assertThat(replaced.json().get("mime_type").asString()).isEqualTo("image/jpeg");
        assertThat(replaced.json().get("url").asString()).isNotEqualTo(firstUrl).contains("-2/");
        assertProblem(author.sendForm("PUT", "/media/" + id + "/file", Map.of(), "file", "a.pdf", "application/pdf",
                "%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1)), 422, "kind_mismatch");

        var rotated = author.post("/media/" + id + "/edit", "{\"rotate\": 90, \"crop\": {\"x\": 0, \"y\": 0, \"width\": 500, \"height\": 500}}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.json().get("file_version").asInt()).isEqualTo(3);
        assertThat(rotated.json().get("width").asInt()).isEqualTo(500);
        var copy = author.post("/media/" + id + "/edit", "{\"flip\": \"horizontal\", \"save_as\": \"copy\"}");
        assertThat(copy.status()).as(copy.body()).isEqualTo(201);
        assertThat(copy.json().get("id").asLong()).isNotEqualTo(id);
        assertProblem(author.post("/media/" + id + "/edit", "{\"rotate\": 45}"), 422, "validation_failed");
        assertProblem(author.post("/media/" + id + "/edit", "{\"crop\": {\"x\": 0, \"y\": 0, \"width\": 5000, \"height\": 5}}"), 422,
                "validation_failed");
        var doc = upload(author, "a.pdf", "application/pdf", "%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1), Map.of());
        assertProblem(author.post("/media/" + doc.json().get("id").asLong() + "/edit", "{\"rotate\": 90}"), 422, "not_editable");

        Eventually.within(Duration.ofSeconds(30), () ->
                assertThat(author.get("/media/" + id).json().get("variants_status").asString()).isEqualTo("ready"));
        String thumb = author.get("/media/" + id).json().get("thumbnail_url").asString();
        var focal = author.patch("/media/" + id, "{\"focal_x\": 0.9, \"focal_y\": 0.1}");
        assertThat(focal.json().get("focal_x").asDouble()).isEqualTo(0.9);
        assertProblem(author.patch("/media/" + id, "{\"focal_x\": 1.5, \"visibility\": \"secret\"}"), 422, "validation_failed");
        Eventually.within(Duration.ofSeconds(30), () -> {
            var now = author.get("/media/" + id).json();
            assertThat(now.get("variants_status").asString()).isEqualTo("ready");
            assertThat(now.get("thumbnail_url").asString()).isNotEqualTo(thumb);
        });
        assertProblem(author.post("/media/" + id + "/variants/regenerate", "{}"), 403, "forbidden");
        assertThat(editor.post("/media/" + id + "/variants/regenerate", "{}").status()).isEqualTo(202);
    }

    @Test
    void libraryFoldersBulkAndStats() {
        var author = as(Role.AUTHOR);
        var editor = as(Role.EDITOR);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var root = author.post("/media/folders", "{\"name\":\"Charts %s\"}".formatted(tag));
        assertThat(root.status()).as(root.body()).isEqualTo(201);
        long rootId = root.json().get("id").asLong();
        assertProblem(author.post("/media/folders", "{\"name\":\"CHARTS %s\"}".formatted(tag)), 409, "folder_exists");
        long parent = rootId;
        long deepest = rootId;
        for (int level = 2; level <= 5; level++) {
            deepest = author.post("/media/folders", "{\"name\":\"L%d\",\"parent_id\":%d}".formatted(level, parent)).json().get("id").asLong();
            parent = deepest;
        }
        assertProblem(author.post("/media/folders", "{\"name\":\"L6\",\"parent_id\":%d}".formatted(deepest)), 422, "depth_exceeded");
        assertProblem(author.patch("/media/folders/" + rootId, "{\"parent_id\":%d}".formatted(deepest)), 422, "folder_cycle");

        var inFolder = upload(author, "spx-%s.png".formatted(tag), "image/png", MediaFixtures.png(50, 50), Map.of("folder_id", Long.toString(rootId)));
        long itemId = inFolder.json().get("id").asLong();
        var listed = author.get("/media?filter[folder]=" + rootId + "&q=spx-" + tag);
        assertThat(listed.json().get("data").size()).isEqualTo(1);
        assertThat(listed.json().get("data").get(0).get("thumbnail_url").isNull()).isFalse();
        assertThat(author.get("/media?filter[missing_alt]=true&filter[kind]=image&q=" + tag).json().get("meta").get("total").asLong()).isEqualTo(1);
        assertThat(author.get("/media?filter[unused]=true&q=" + tag + "&sort=-size_bytes").status()).isEqualTo(200);
        assertProblem(author.get("/media?filter[kind]=spreadsheet"), 422, "validation_failed");
        var tree = author.get("/media/folders").json();
        var mine = java.util.stream.StreamSupport.stream(tree.spliterator(), false).filter(f -> f.get("id").asLong() == rootId).findFirst().orElseThrow();
        assertThat(mine.get("item_count").asInt()).isEqualTo(1);

        assertProblem(editor.delete("/media/folders/" + rootId), 409, "folder_not_empty");
        var other = editor.post("/media/folders", "{\"name\":\"Archive %s\"}".formatted(tag)).json().get("id").asLong();
        assertThat(editor.delete("/media/folders/" + rootId + "?move_to=" + other).status()).isEqualTo(204);
        assertThat(author.get("/media/" + itemId).json().get("folder_id").asLong()).isEqualTo(other);
        assertProblem(author.delete("/media/folders/" + other), 403, "forbidden");

        var bulk = editor.post("/media/bulk", "{\"action\":\"set_visibility\",\"visibility\":\"private\",\"ids\":[%d, 999999999]}".formatted(itemId));
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        assertThat(bulk.json().get("succeeded").asInt()).isEqualTo(1);
        assertThat(bulk.json().get("results").get(1).get("code").asString()).isEqualTo("not_found");
        assertProblem(editor.post("/media/bulk", "{\"action\":\"shred\",\"ids\":[1]}"), 422, "validation_failed");
        assertProblem(editor.post("/media/bulk", "{\"action\":\"delete\",\"ids\":[]}"), 422, "validation_failed");
        assertProblem(author.post("/media/bulk", "{\"action\":\"delete\",\"ids\":[1]}"), 403, "forbidden");

        var stats = editor.get("/media/stats");
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().get("storage_backend").asString()).isEqualTo("local");
        assertThat(stats.json().get("largest").size()).isPositive();
        assertProblem(author.get("/media/stats"), 403, "forbidden");
    }

    @Test
    void postBodiesAndFeaturedImagesShowTheCurrentFile() {
        var editor = as(Role.EDITOR);
        var image = upload(editor, "setup.png", "image/png", MediaFixtures.png(700, 350), Map.of("alt_text", "Setup"));
        long id = image.json().get("id").asLong();
        var hidden = upload(editor, "secret.png", "image/png", MediaFixtures.png(10, 10), Map.of("visibility", "private"));
        long hiddenId = hidden.json().get("id").asLong();
        String slug = "body-images-" + UUID.randomUUID();
        var post = editor.post("/posts", """
                {"title": "Body images", "slug": "%s", "featured_media_id": %d, "visibility": "members",
                 "body_html": "<p>Look.</p><img data-media-id='%d' src='old.png' alt='x'><!--members-only--><img data-media-id='%d'>"}"""
                .formatted(slug, id, id, hiddenId));
        assertThat(post.status()).as(post.body()).isEqualTo(201);
        editor.post("/posts/" + post.json().get("id").asLong() + "/publish", "{}");

        var anonymous = http.get("/posts/" + slug).json();
        String teaser = anonymous.get("teaser_html").asString();
        assertThat(teaser).contains(image.json().get("url").asString()).contains("width=\"700\"").doesNotContain("old.png");
        assertThat(anonymous.get("featured_image").get("url").asString()).isEqualTo(image.json().get("url").asString());
        assertThat(anonymous.get("featured_image").get("alt_text").asString()).isEqualTo("Setup");
        var member = signUp("Image reader").client().get("/posts/" + slug).json();
        assertThat(member.get("body_html").asString()).contains("signature=").contains("secret.png");

        var replaced = editor.sendForm("PUT", "/media/" + id + "/file", Map.of(), "file", "setup-v2.png", "image/png",
                MediaFixtures.png(800, 400));
        String newUrl = replaced.json().get("url").asString();
        assertThat(http.get("/posts/" + slug).json().get("teaser_html").asString()).contains(newUrl).contains("width=\"800\"");
        assertThat(http.get("/posts?per_page=50").body()).contains(newUrl);
    }

    @Test
    void authAndBadInput() {
        assertProblem(http.get("/media"), 401, "unauthenticated");
        assertProblem(signUp("Viewer").client().get("/media"), 403, "forbidden");
        assertProblem(http.sendForm("POST", "/media", Map.of(), "file", "a.png", "image/png", MediaFixtures.png(4, 4)), 401, "unauthenticated");
        var author = as(Role.AUTHOR);
        assertProblem(author.get("/media/999999999"), 404, "not_found");
        assertProblem(author.sendForm("POST", "/media", Map.of("visibility", "secret", "alt_text", "x".repeat(1001)), "file", "a.png",
                "image/png", MediaFixtures.png(4, 4)), 422, "validation_failed");
        assertThat(author.post("/media", "{}").status()).isIn(400, 415, 422);
        assertProblem(author.post("/media/uploads", "{\"filename\":\"\",\"size_bytes\":-1}"), 422, "validation_failed");
        assertProblem(author.post("/media/uploads/not-a-uuid/complete", "{}"), 404, "not_found");
        assertProblem(http.send("PUT", "/media/uploads/" + UUID.randomUUID() + "/parts/1?expires=9999999999&signature=00", "text/plain",
                new byte[1]), 403, "invalid_signature");
        assertThat(http.get("/media/files/..%2F..%2Fetc%2Fpasswd").status()).isIn(400, 404);
    }
}
