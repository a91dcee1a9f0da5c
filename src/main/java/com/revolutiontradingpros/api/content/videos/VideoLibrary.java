package com.revolutiontradingpros.api.content.videos;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.platform.storage.ObjectStorage;

/** What posts ask of the video library: which videos a body references (rule 24) and bodies with current players (rule 5). */
@Component
public class VideoLibrary {

    /** As long as a playback answer's link: a cached page keeps a working player for its whole life. */
    private static final Duration BODY_LINKS = Duration.ofHours(6);

    private final VideoRepository videos;
    private final VideoViews views;
    private final ObjectStorage storage;

    VideoLibrary(VideoRepository videos, VideoViews views, ObjectStorage storage) {
        this.videos = videos;
        this.views = views;
        this.storage = storage;
    }

    public static Set<Long> referencedIds(String html) {
        var ids = new LinkedHashSet<Long>();
        if (html.contains("data-video-id")) {
            Jsoup.parseBodyFragment(html).select("[data-video-id]").forEach(element -> parse(element.attr("data-video-id")).ifPresent(ids::add));
        }
        return ids;
    }

    /**
     * Rule 5 for {@code <video data-video-id>}: the poster is the video's current thumbnail; published, ready, public
     * videos get their source (a signed link for stored files, the stream for external ones, the player URL as
     * {@code data-embed-url} for embeds); gated or unavailable ones lose any source, so players ask row 82 instead.
     */
    public String rewrite(String html) {
        if (!html.contains("data-video-id")) {
            return html;
        }
        var document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        var elements = document.select("video[data-video-id]");
        var ids = new LinkedHashSet<Long>();
        elements.forEach(element -> parse(element.attr("data-video-id")).ifPresent(ids::add));
        var found = videos.findAll(ids).stream().collect(Collectors.toMap(Video::id, Function.identity()));
        var posters = views.thumbnails(found.values());
        for (var element : elements) {
            var video = parse(element.attr("data-video-id")).map(found::get).orElse(null);
            element.removeAttr("src");
            element.select("source").remove();
            if (video == null) {
                continue;
            }
            var poster = posters.get(video.id());
            if (poster != null) {
                element.attr("poster", poster.url());
            }
            if (!video.published() || !video.ready() || video.gated()) {
                continue;
            }
            switch (video.source()) {
                case "storage" -> element.attr("src", storage.downloadUrl(java.util.Objects.requireNonNull(video.storageKey()), BODY_LINKS).toString());
                case "external" -> element.attr("src", java.util.Objects.requireNonNull(video.sourceUrl()));
                default -> element.attr("data-embed-url", VideoSources.embedUrl(java.util.Objects.requireNonNull(video.embedProvider()),
                        java.util.Objects.requireNonNull(video.embedId())));
            }
        }
        return document.body().html();
    }

    private static Optional<Long> parse(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
