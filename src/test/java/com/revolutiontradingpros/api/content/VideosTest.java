package com.revolutiontradingpros.api.content;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.GrantedEntitlements;
import com.revolutiontradingpros.api.support.Http;

/** The video library: uploads, processing, playback and access, captions, chapters, progress, views and stats. */
class VideosTest extends ApiTest {

    @Test
    void scenario9RoomArchivePlaybackAndProgress() {
        var room = GrantedEntitlements.product("Day Trading Room");
        var editor = as(Role.EDITOR);
        String uploadId = upload(editor, "session.mp4", VideoFixtures.mp4(10, 1280, 720, 4096, true));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        var created = editor.post("/videos", """
                {"upload_id":"%s","title":"%s","kind":"room_archive","room_product_id":%d,"recorded_on":"%s","session_label":"Morning"}"""
                .formatted(uploadId, unique("Opening bell"), room.id(), today));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("status").asString()).isEqualTo("draft");
        assertThat(created.json().get("access").get("required").asString()).isEqualTo("paid");
        assertThat(created.json().get("access").get("product_ids").get(0).asLong()).isEqualTo(room.id());
        assertThat(created.json().toString()).doesNotContain("/media/files/");

        var ready = waitUntilProcessed(editor, id);
        assertThat(ready.get("processing_status").asString()).isEqualTo("ready");
        assertThat(ready.get("duration_seconds").asInt()).isEqualTo(10);
        assertThat(ready.get("width").asInt()).isEqualTo(1280);
        assertThat(ready.get("editor").get("codec").asString()).isEqualTo("h264");
        var published = publish(editor, id);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("published");

        assertProblem(http.get("/videos/" + id + "/playback"), 401, "auth_required");
        var member = signUp("Archive Viewer");
        var denied = member.client().get("/videos/" + id + "/playback");
        assertProblem(denied, 403, "access_denied");
        assertThat(denied.json().get("required_products").get(0).get("id").asLong()).isEqualTo(room.id());
        assertThat(denied.json().get("required_products").get(0).get("name").asString()).isEqualTo("Day Trading Room");

        GrantedEntitlements.grant(member.id(), room.id());
        var playback = member.client().get("/videos/" + id + "/playback");
        assertThat(playback.status()).as(playback.body()).isEqualTo(200);
        assertThat(playback.json().get("type").asString()).isEqualTo("file");
        assertThat(playback.header("Cache-Control")).contains("no-store");
        Instant expires = Instant.parse(playback.json().get("expires_at").asString());
        assertThat(Duration.between(Instant.now().plus(Duration.ofHours(6)), expires).abs()).isLessThan(Duration.ofMinutes(1));
        String url = MediaTest.path(playback.json().get("url").asString());
        var range = http.get(url, "Range", "bytes=0-99");
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.bytes()).hasSize(100);
        String altered = url.replaceFirst("signature=.", "signature=" + (url.contains("signature=A") ? "B" : "A"));
        assertThat(http.get(altered, "Range", "bytes=0-99").status()).isEqualTo(403);

        var progress = member.client().put("/videos/" + id + "/progress", "{\"position_seconds\":9.5,\"played_seconds\":9}");
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        assertThat(progress.json().get("percent").asDouble()).isGreaterThanOrEqualTo(90);
        assertThat(progress.json().get("completed_at").isNull()).isFalse();
        assertThat(member.client().get("/videos/continue-watching").json().get("data").valueStream()
                .noneMatch(row -> row.get("video_id").asLong() == id)).isTrue();

        var calendar = http.get("/videos/calendar?filter[room]=" + room.id() + "&month=" + today.substring(0, 7));
        assertThat(calendar.status()).as(calendar.body()).isEqualTo(200);
        assertThat(calendar.json().get("data").valueStream().filter(day -> day.get("date").asString().equals(today))
                .flatMap(day -> day.get("videos").valueStream()).anyMatch(v -> v.get("id").asLong() == id)).isTrue();
        var rooms = http.get("/videos/rooms").json().get("data").valueStream()
                .filter(r -> r.get("room").get("id").asLong() == room.id()).toList();
        assertThat(rooms).hasSize(1);
        assertThat(rooms.getFirst().get("archive_count").asLong()).isEqualTo(1);
        assertThat(rooms.getFirst().get("room").get("slug").asString()).isEqualTo(room.slug());
        assertThat(http.get("/videos?filter[room]=" + room.slug()).json().get("data").get(0).get("locked").asBoolean()).isTrue();
    }

    @Test
    void uploadsAreCheckedAndBelongToTheirEditor() {
        var editor = as(Role.EDITOR);
        var started = editor.post("/videos/uploads", "{\"filename\":\"fake.mp4\",\"content_type\":\"video/mp4\",\"size_bytes\":20}");
        assertThat(started.status()).isEqualTo(201);
        String uploadId = started.json().get("upload_id").asString();
        http.send("PUT", MediaTest.path(started.json().get("url").asString()), "video/mp4", "<html>not a video</html>".getBytes(StandardCharsets.UTF_8));
        assertProblem(as(Role.EDITOR).post("/videos/uploads/" + uploadId + "/complete", "{}"), 404, "not_found");
        var refused = editor.post("/videos/uploads/" + uploadId + "/complete", "{}");
        assertThat(refused.status()).as(refused.body()).isIn(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("upload_mismatch");

        assertProblem(editor.post("/videos/uploads", "{\"filename\":\"a.mp4\",\"content_type\":\"video/mp4\",\"size_bytes\":21474836481}"),
                422, "validation_failed");
        assertProblem(editor.post("/videos/uploads", "{\"filename\":\"a.avi\",\"content_type\":\"video/x-msvideo\",\"size_bytes\":10}"),
                422, "validation_failed");
        var large = editor.post("/videos/uploads", "{\"filename\":\"long.mp4\",\"content_type\":\"video/mp4\",\"size_bytes\":5368709120}");
        assertThat(large.json().get("method").asString()).isEqualTo("multipart");
        assertThat(large.json().get("parts").size()).isLessThanOrEqualTo(10_000);
        String largeId = large.json().get("upload_id").asString();
        assertProblem(as(Role.EDITOR).delete("/videos/uploads/" + largeId), 404, "not_found");
        assertThat(editor.delete("/videos/uploads/" + largeId).status()).isEqualTo(204);
        assertProblem(as(Role.AUTHOR).post("/videos/uploads", "{\"filename\":\"a.mp4\",\"content_type\":\"video/mp4\",\"size_bytes\":10}"),
                403, "forbidden");
        assertProblem(http.post("/videos/uploads", "{}"), 401, "unauthenticated");

        // The container header can come last (moov after mdat) or be WebM; an unreadable file ends as failed.
        String webm = upload(editor, "clip.webm", VideoFixtures.webm(95, 640, 360));
        var webmVideo = editor.post("/videos", "{\"upload_id\":\"%s\",\"title\":\"%s\",\"kind\":\"lesson\"}".formatted(webm, unique("WebM")));
        assertThat(webmVideo.status()).as(webmVideo.body()).isEqualTo(201);
        var processed = waitUntilProcessed(editor, webmVideo.json().get("id").asLong());
        assertThat(processed.get("duration_seconds").asInt()).isEqualTo(95);
        assertThat(processed.get("height").asInt()).isEqualTo(360);
        assertThat(processed.get("editor").get("codec").asString()).isEqualTo("vp9");
        assertThat(processed.get("editor").get("mime_type").asString()).isEqualTo("video/webm");
        assertProblem(editor.post("/videos", "{\"upload_id\":\"%s\",\"title\":\"Again\",\"kind\":\"lesson\"}".formatted(webm)), 422,
                "validation_failed");

        byte[] truncated = java.util.Arrays.copyOf(VideoFixtures.mp4(30, 640, 360, 2048, true), 2200);
        String broken = upload(editor, "broken.mp4", truncated);
        long brokenId = editor.post("/videos", "{\"upload_id\":\"%s\",\"title\":\"%s\",\"kind\":\"lesson\"}".formatted(broken, unique("Broken")))
                .json().get("id").asLong();
        var failed = waitUntilProcessed(editor, brokenId);
        assertThat(failed.get("processing_status").asString()).isEqualTo("failed");
        assertThat(failed.get("editor").get("processing_error").asString()).contains("moov");
        assertProblem(publish(editor, brokenId), 409, "video_not_ready");
        assertThat(editor.post("/videos/" + brokenId + "/reprocess", "{}").status()).isEqualTo(202);
    }

    @Test
    void externalAndEmbeddedVideosAreReadyAtOnce() {
        var editor = as(Role.EDITOR);
        var embed = editor.post("/videos", """
                {"source":"embed","url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=5","title":"%s","kind":"promo","duration_seconds":212}"""
                .formatted(unique("Promo")));
        assertThat(embed.status()).as(embed.body()).isEqualTo(201);
        assertThat(embed.json().get("processing_status").asString()).isEqualTo("ready");
        assertThat(embed.json().get("editor").get("embed_id").asString()).isEqualTo("dQw4w9WgXcQ");
        long embedId = embed.json().get("id").asLong();
        assertThat(publish(editor, embedId).status()).isEqualTo(200);
        var player = http.get("/videos/" + embedId + "/playback").json();
        assertThat(player.get("type").asString()).isEqualTo("embed");
        assertThat(player.get("url").asString()).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        assertThat(player.get("expires_at").isNull()).isTrue();

        var vimeo = editor.post("/videos", "{\"source\":\"embed\",\"url\":\"https://vimeo.com/76979871\",\"title\":\"V\",\"kind\":\"other\"}");
        assertThat(vimeo.json().get("editor").get("embed_provider").asString()).isEqualTo("vimeo");
        assertProblem(editor.post("/videos", "{\"source\":\"embed\",\"url\":\"https://dailymotion.com/video/x1\",\"title\":\"D\",\"kind\":\"other\"}"),
                422, "unsupported_embed_provider");
        assertProblem(editor.post("/videos", "{\"source\":\"external\",\"url\":\"http://cdn.example.com/a.mp4\",\"title\":\"H\",\"kind\":\"other\"}"),
                422, "validation_failed");
        var hls = editor.post("/videos", """
                {"source":"external","url":"https://cdn.example.com/live/master.m3u8","title":"%s","kind":"webinar","access":"members"}"""
                .formatted(unique("Webinar")));
        long hlsId = hls.json().get("id").asLong();
        assertThat(publish(editor, hlsId).status()).isEqualTo(200);
        assertProblem(http.get("/videos/" + hlsId + "/playback"), 401, "auth_required");
        var member = signUp("Webinar Viewer");
        var stream = member.client().get("/videos/" + hlsId + "/playback").json();
        assertThat(stream.get("type").asString()).isEqualTo("hls");
        assertThat(stream.get("url").asString()).isEqualTo("https://cdn.example.com/live/master.m3u8");

        // Never a playback URL in the public answer, and room archives need their room and day.
        var anonymous = http.get("/videos/" + hls.json().get("slug").asString());
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).doesNotContain("m3u8");
        assertThat(anonymous.json().get("access").get("locked").asBoolean()).isTrue();
        var missing = editor.post("/videos", "{\"source\":\"embed\",\"url\":\"https://youtu.be/dQw4w9WgXcQ\",\"title\":\"R\",\"kind\":\"room_archive\"}");
        assertProblem(missing, 422, "validation_failed");
        assertThat(missing.json().get("errors").has("room_product_id")).isTrue();
        assertThat(missing.json().get("errors").has("recorded_on")).isTrue();
        assertProblem(editor.post("/videos", "{\"source\":\"embed\",\"url\":\"https://youtu.be/dQw4w9WgXcQ\",\"title\":\"R\",\"kind\":\"lesson\",\"slug\":\"calendar\"}"),
                422, "slug_reserved");
        assertProblem(editor.post("/videos", "{\"source\":\"embed\",\"url\":\"https://youtu.be/dQw4w9WgXcQ\",\"title\":\"R\",\"kind\":\"lesson\",\"slug\":\"%s\"}"
                .formatted(hls.json().get("slug").asString())), 409, "slug_taken");
        assertProblem(editor.post("/videos", "{\"title\":\"No source\",\"kind\":\"lesson\"}"), 422, "validation_failed");
        assertProblem(editor.post("/videos", "{\"source\":\"embed\",\"url\":\"https://youtu.be/dQw4w9WgXcQ\",\"title\":\"P\",\"kind\":\"lesson\",\"access\":\"paid\",\"product_ids\":[123456789]}"),
                422, "unknown_product");
    }

    @Test
    void replacingTheSourceKeepsChaptersAndRereadsStoredFiles() {
        var editor = as(Role.EDITOR);
        var video = editor.post("/videos", """
                {"source":"embed","url":"https://youtu.be/dQw4w9WgXcQ","title":"%s","kind":"lesson","duration_seconds":600,
                 "chapters":[{"start_seconds":0,"title":"Intro"},{"start_seconds":5,"title":"Setup"}]}""".formatted(unique("Re-sourced")));
        long id = video.json().get("id").asLong();

        var vimeo = editor.put("/videos/" + id + "/source", "{\"source\":\"embed\",\"url\":\"https://vimeo.com/76979871\"}");
        assertThat(vimeo.status()).as(vimeo.body()).isEqualTo(200);
        assertThat(vimeo.json().get("editor").get("embed_provider").asString()).isEqualTo("vimeo");
        assertThat(vimeo.json().get("editor").get("embed_id").asString()).isEqualTo("76979871");
        assertThat(vimeo.json().get("duration_seconds").asInt()).isEqualTo(600);
        assertThat(vimeo.json().get("chapters").size()).isEqualTo(2);

        // A stored file instead: processing reads its duration and size again.
        String uploadId = upload(editor, "replacement.mp4", VideoFixtures.mp4(8, 640, 360, 2048, true));
        var stored = editor.put("/videos/" + id + "/source", "{\"upload_id\":\"%s\"}".formatted(uploadId),
                "If-Match", vimeo.header("ETag"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("processing_status").asString()).isIn("pending", "processing", "ready");
        var processed = waitUntilProcessed(editor, id);
        assertThat(processed.get("duration_seconds").asInt()).isEqualTo(8);
        assertThat(processed.get("editor").get("source").asString()).isEqualTo("storage");
        assertThat(processed.get("chapters").size()).isEqualTo(2);

        assertProblem(editor.put("/videos/" + id + "/source", "{\"source\":\"embed\",\"url\":\"https://vimeo.com/76979871\"}",
                "If-Match", vimeo.header("ETag")), 412, "stale_version");
        assertProblem(editor.put("/videos/" + id + "/source", "{\"source\":\"embed\",\"url\":\"https://example.com/v\"}"), 422,
                "unsupported_embed_provider");
        assertProblem(editor.put("/videos/" + id + "/source", "{}"), 422, "validation_failed");
        assertProblem(editor.put("/videos/" + id + "/source", "{\"upload_id\":\"%s\",\"source\":\"embed\",\"url\":\"https://youtu.be/dQw4w9WgXcQ\"}"
                .formatted(uploadId)), 422, "validation_failed");
        assertProblem(as(Role.AUTHOR).put("/videos/" + id + "/source", "{}"), 403, "forbidden");
        assertProblem(http.put("/videos/" + id + "/source", "{}"), 401, "unauthenticated");
        assertProblem(editor.put("/videos/987654321/source", "{\"source\":\"embed\",\"url\":\"https://youtu.be/dQw4w9WgXcQ\"}"), 404,
                "not_found");
    }

    @Test
    void editingChaptersCaptionsThumbnailsAndDeletion() {
        var editor = as(Role.EDITOR);
        var video = editor.post("/videos", """
                {"source":"embed","url":"https://youtu.be/dQw4w9WgXcQ","title":"%s","kind":"lesson","duration_seconds":600,
                 "chapters":[{"start_seconds":0,"title":"Intro"},{"start_seconds":120,"title":"Setup"}]}""".formatted(unique("Lesson")));
        assertThat(video.status()).as(video.body()).isEqualTo(201);
        long id = video.json().get("id").asLong();
        String etag = video.header("ETag");
        assertThat(video.json().get("chapters").size()).isEqualTo(2);
        assertProblem(http.get("/videos/" + id), 404, "not_found");

        var stale = editor.patch("/videos/" + id, "{\"title\":\"Renamed\"}", "If-Match", "\"video-" + id + "-999\"");
        assertProblem(stale, 412, "stale_version");
        var renamed = editor.patch("/videos/" + id, "{\"title\":\"Renamed lesson\",\"description\":\"How to size a position\"}", "If-Match", etag);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("title").asString()).isEqualTo("Renamed lesson");
        assertProblem(editor.patch("/videos/" + id, "{\"kind\":\"film\",\"color\":\"red\"}"), 422, "validation_failed");
        assertProblem(editor.patch("/videos/" + id, "{\"status\":\"archived\"}"), 409, "invalid_transition");
        assertProblem(as(Role.AUTHOR).patch("/videos/" + id, "{\"title\":\"X\"}"), 403, "forbidden");
        assertProblem(editor.patch("/videos/987654321", "{\"title\":\"X\"}"), 404, "not_found");

        var badChapters = editor.put("/videos/" + id + "/chapters", """
                {"chapters":[{"start_seconds":5,"title":"Late"},{"start_seconds":3,"title":""},{"start_seconds":700,"title":"After"}]}""");
        assertProblem(badChapters, 422, "validation_failed");
        assertThat(badChapters.json().get("errors").has("chapters[0].start_seconds")).isTrue();
        assertThat(badChapters.json().get("errors").has("chapters[1].title")).isTrue();
        assertThat(badChapters.json().get("errors").has("chapters[2].start_seconds")).isTrue();
        var chapters = editor.put("/videos/" + id + "/chapters", "{\"chapters\":[{\"start_seconds\":0,\"title\":\"Start\"}]}");
        assertThat(chapters.status()).as(chapters.body()).isEqualTo(200);
        assertThat(chapters.json().get("chapters").size()).isEqualTo(1);

        byte[] srt = "1\r\n00:00:01,000 --> 00:00:04,500\r\nBuy the dip\r\n\r\n2\r\n00:00:05,000 --> 00:00:07,000\r\nSell the rip\r\n"
                .getBytes(StandardCharsets.UTF_8);
        var english = editor.sendForm("PUT", "/videos/" + id + "/captions/en", Map.of("is_default", "true"), "file", "en.srt", "text/plain", srt);
        assertThat(english.status()).as(english.body()).isEqualTo(201);
        assertThat(english.json().get("cues").asInt()).isEqualTo(2);
        assertThat(english.json().get("label").asString()).isEqualTo("English");
        var spanish = editor.sendForm("PUT", "/videos/" + id + "/captions/es-MX", Map.of("label", "Español", "is_default", "true"), "file",
                "es.vtt", "text/vtt", "WEBVTT\n\n00:01.000 --> 00:04.000\nHola\n".getBytes(StandardCharsets.UTF_8));
        assertThat(spanish.status()).isEqualTo(201);
        var replaced = editor.sendForm("PUT", "/videos/" + id + "/captions/en", Map.of(), "file", "en.srt", "text/plain", srt);
        assertThat(replaced.status()).isEqualTo(200);
        assertProblem(editor.sendForm("PUT", "/videos/" + id + "/captions/english!", Map.of(), "file", "x.vtt", "text/vtt", srt), 422,
                "validation_failed");
        assertProblem(editor.sendForm("PUT", "/videos/" + id + "/captions/fr", Map.of(), "file", "x.vtt", "text/vtt",
                "WEBVTT\n\nno cues here\n".getBytes(StandardCharsets.UTF_8)), 422, "invalid_captions");
        var tracks = editor.get("/videos/" + id).json().get("captions");
        assertThat(tracks.size()).isEqualTo(2);
        assertThat(tracks.valueStream().filter(t -> t.get("is_default").asBoolean()).map(t -> t.get("lang").asString())).containsExactly("es-MX");
        var vtt = editor.get("/videos/" + id + "/captions/en");
        assertThat(vtt.status()).isEqualTo(200);
        assertThat(vtt.header("Content-Type")).startsWith("text/vtt");
        assertThat(vtt.body()).startsWith("WEBVTT").contains("00:00:01.000 --> 00:00:04.500").contains("Buy the dip");
        assertThat(editor.delete("/videos/" + id + "/captions/es-MX").status()).isEqualTo(204);
        assertProblem(editor.delete("/videos/" + id + "/captions/es-MX"), 404, "not_found");

        var poster = editor.sendFile("PUT", "/videos/" + id + "/thumbnail", "file", "poster.png", "image/png", MediaFixtures.png(640, 360));
        assertThat(poster.status()).as(poster.body()).isEqualTo(200);
        long posterId = poster.json().get("editor").get("thumbnail_media_id").asLong();
        assertThat(poster.json().get("thumbnail").get("url").asString()).contains("/media/files/");
        assertProblem(editor.delete("/media/" + posterId), 409, "media_in_use");
        assertProblem(editor.sendFile("PUT", "/videos/" + id + "/thumbnail", "file", "x.pdf", "application/pdf",
                "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.UTF_8)), 422, "validation_failed");
        assertThat(editor.put("/videos/" + id + "/thumbnail", "{\"media_id\":null}").status()).isEqualTo(200);
        assertThat(editor.delete("/media/" + posterId).status()).isEqualTo(204);

        assertThat(editor.get("/videos/" + id + "/usage").json().get("data").size()).isZero();
        var other = editor.post("/videos", "{\"source\":\"embed\",\"url\":\"https://youtu.be/dQw4w9WgXcQ\",\"title\":\"%s\",\"kind\":\"other\"}"
                .formatted(unique("Bulk")));
        long otherId = other.json().get("id").asLong();
        var bulk = editor.post("/videos/bulk", "{\"action\":\"publish\",\"ids\":[%d,%d,987654321]}".formatted(id, otherId));
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        assertThat(bulk.json().get("succeeded").asInt()).isEqualTo(2);
        assertThat(bulk.json().get("results").get(2).get("code").asString()).isEqualTo("not_found");
        assertProblem(editor.post("/videos/bulk", "{\"action\":\"publish\",\"ids\":[%d,%d]}".formatted(id, id)), 422, "validation_failed");
        assertThat(http.get("/videos?q=renamed+lesson").json().get("data").valueStream().anyMatch(v -> v.get("id").asLong() == id)).isTrue();
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(http.get("/search?q=size+a+position&filter[type]=video").json().get("data")
                .valueStream().anyMatch(hit -> hit.get("id").asLong() == id)).isTrue());
        var access = editor.post("/videos/bulk", "{\"action\":\"set_access\",\"ids\":[%d],\"access\":\"members\"}".formatted(otherId));
        assertThat(access.json().get("succeeded").asInt()).isEqualTo(1);
        assertThat(http.get("/videos/" + otherId).json().get("access").get("required").asString()).isEqualTo("members");

        assertProblem(as(Role.AUTHOR).delete("/videos/" + id), 403, "forbidden");
        assertThat(editor.delete("/videos/" + id).status()).isEqualTo(204);
        assertProblem(http.get("/videos/" + id), 404, "not_found");
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(http.get("/search?q=size+a+position&filter[type]=video").json().get("data")
                .valueStream().noneMatch(hit -> hit.get("id").asLong() == id)).isTrue());
    }

    @Test
    void progressViewsAndStats() {
        var editor = as(Role.EDITOR);
        long id = editor.post("/videos", """
                {"source":"embed","url":"https://youtu.be/dQw4w9WgXcQ","title":"%s","kind":"lesson","duration_seconds":200}"""
                .formatted(unique("Progress"))).json().get("id").asLong();
        publish(editor, id);
        var member = signUp("Progress Viewer");
        var viewer = member.client();
        assertProblem(viewer.get("/videos/" + id + "/progress"), 404, "not_found");
        assertProblem(viewer.put("/videos/" + id + "/progress", "{\"position_seconds\":206}"), 422, "validation_failed");
        assertProblem(viewer.put("/videos/" + id + "/progress", "{\"position_seconds\":10,\"played_seconds\":121}"), 422, "validation_failed");
        assertProblem(http.put("/videos/" + id + "/progress", "{\"position_seconds\":10}"), 401, "unauthenticated");
        var first = viewer.put("/videos/" + id + "/progress", "{\"position_seconds\":40,\"played_seconds\":40}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("percent").asDouble()).isEqualTo(20.0);
        var coalesced = viewer.put("/videos/" + id + "/progress", "{\"position_seconds\":60,\"played_seconds\":20}");
        assertThat(coalesced.json().get("position_seconds").asInt()).isEqualTo(40);
        var shelf = viewer.get("/videos/continue-watching").json().get("data");
        assertThat(shelf.valueStream().filter(row -> row.get("video_id").asLong() == id).findFirst().orElseThrow().get("resume_at").asInt())
                .isEqualTo(40);
        assertThat(viewer.get("/videos/" + id + "/playback").json().get("resume_at").asInt()).isEqualTo(40);
        var done = viewer.put("/videos/" + id + "/progress", "{\"completed\":true}");
        assertThat(done.json().get("completed_at").isNull()).isFalse();
        assertThat(done.json().get("percent").asDouble()).isEqualTo(100.0);
        assertThat(viewer.delete("/videos/" + id + "/progress").status()).isEqualTo(204);
        assertProblem(viewer.get("/videos/" + id + "/progress"), 404, "not_found");
        viewer.put("/videos/" + id + "/progress", "{\"position_seconds\":100,\"played_seconds\":100}");

        var paid = editor.post("/videos", """
                {"source":"embed","url":"https://youtu.be/dQw4w9WgXcQ","title":"%s","kind":"lesson","access":"paid","duration_seconds":60}"""
                .formatted(unique("Paid"))).json().get("id").asLong();
        publish(editor, paid);
        assertProblem(viewer.put("/videos/" + paid + "/progress", "{\"position_seconds\":10}"), 403, "access_denied");

        var anonymous = http.fromNewIp().withHeader("User-Agent", "Test Player 1.0");
        assertThat(anonymous.post("/videos/" + id + "/views", "{}").json().get("counted").asBoolean()).isTrue();
        assertThat(anonymous.post("/videos/" + id + "/views", "{}").json().get("counted").asBoolean()).isFalse();
        assertThat(viewer.post("/videos/" + id + "/views", "{}").status()).isEqualTo(202);
        assertProblem(http.post("/videos/" + paid + 1_000_000 + "/views", "{}"), 404, "not_found");
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(editor.get("/videos/" + id).json().get("view_count").asLong()).isEqualTo(2));

        var stats = editor.get("/videos/" + id + "/stats");
        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        assertThat(stats.json().get("views").asLong()).isEqualTo(2);
        assertThat(stats.json().get("unique_viewers").asLong()).isEqualTo(2);
        assertThat(stats.json().get("drop_off").size()).isEqualTo(10);
        assertThat(stats.json().get("drop_off").get(5).asLong()).isEqualTo(1);
        assertThat(stats.json().get("watch_hours").asDouble()).isGreaterThan(0);
        assertProblem(editor.get("/videos/" + id + "/stats?from=2026-13-01"), 422, "validation_failed");
        assertProblem(viewer.get("/videos/" + id + "/stats"), 403, "forbidden");
        var viewers = editor.get("/videos/" + id + "/viewers?filter[completed]=false");
        assertThat(viewers.json().get("data").get(0).get("email").asString()).isEqualTo(member.email());
        assertProblem(editor.get("/videos/" + id + "/viewers?filter[completed]=maybe"), 422, "validation_failed");
        var library = editor.get("/videos/stats");
        assertThat(library.status()).as(library.body()).isEqualTo(200);
        assertThat(library.json().get("by_kind").valueStream().anyMatch(k -> k.get("kind").asString().equals("lesson"))).isTrue();
        assertThat(library.json().get("top_videos").valueStream().anyMatch(v -> v.get("id").asLong() == id)).isTrue();
    }

    @Test
    void postsEmbedCurrentPlayersAndGuardTheirVideos() {
        var editor = as(Role.EDITOR);
        long videoId = editor.post("/videos", "{\"source\":\"embed\",\"url\":\"https://youtu.be/dQw4w9WgXcQ\",\"title\":\"%s\",\"kind\":\"lesson\"}"
                .formatted(unique("Embedded"))).json().get("id").asLong();
        publish(editor, videoId);
        var post = editor.post("/posts", """
                {"title":"%s","body_html":"<p>Watch this.</p><video data-video-id=\\"%d\\" src=\\"https://evil.example/x.mp4\\"></video>"}"""
                .formatted(unique("Video post"), videoId));
        assertThat(post.status()).as(post.body()).isEqualTo(201);
        long postId = post.json().get("id").asLong();
        assertThat(editor.post("/posts/" + postId + "/publish", "{}").status()).isEqualTo(200);
        String body = http.get("/posts/" + post.json().get("slug").asString()).json().get("body_html").asString();
        assertThat(body).contains("data-embed-url=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"").doesNotContain("evil.example");

        var inUse = editor.delete("/videos/" + videoId);
        assertProblem(inUse, 409, "video_in_use");
        assertThat(inUse.json().get("usages").get(0).get("owner_id").asLong()).isEqualTo(postId);
        assertThat(editor.get("/videos/" + videoId + "/usage").json().get("data").get(0).get("owner_type").asString()).isEqualTo("post");
        assertProblem(editor.delete("/videos/" + videoId + "?force=true"), 409, "video_in_use");
        assertThat(as(Role.ADMIN).delete("/videos/" + videoId + "?force=true").status()).isEqualTo(204);
        assertThat(editor.get("/videos/" + videoId).status()).isEqualTo(404);
    }

    private String upload(Http editor, String filename, byte[] bytes) {
        var started = editor.post("/videos/uploads", "{\"filename\":\"%s\",\"content_type\":\"video/mp4\",\"size_bytes\":%d}"
                .formatted(filename, bytes.length));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        var put = http.send("PUT", MediaTest.path(started.json().get("url").asString()), "video/mp4", bytes);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        String uploadId = started.json().get("upload_id").asString();
        var completed = editor.post("/videos/uploads/" + uploadId + "/complete", "{}");
        assertThat(completed.status()).as(completed.body()).isEqualTo(201);
        return uploadId;
    }

    private JsonNode waitUntilProcessed(Http editor, long id) {
        Eventually.within(Duration.ofSeconds(20), () -> assertThat(editor.get("/videos/" + id).json().get("processing_status").asString())
                .isIn("ready", "failed"));
        return editor.get("/videos/" + id).json();
    }

    private static com.revolutiontradingpros.api.support.Response publish(Http editor, long id) {
        String etag = editor.get("/videos/" + id).header("ETag");
        return editor.patch("/videos/" + id, "{\"status\":\"published\"}", "If-Match", etag);
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
