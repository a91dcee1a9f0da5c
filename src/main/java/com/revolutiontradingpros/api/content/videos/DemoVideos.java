package com.revolutiontradingpros.api.content.videos;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.content.demo.DemoContent;

/**
 * The video part of the demo data: lessons, webinars and promos embedded from YouTube and Vimeo (no files to
 * process, so they go live at once), public and members-only, each with a chart poster. Room archives wait for
 * the commerce module's rooms. It adds nothing when its first video is there already.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 210)
@Component
class DemoVideos implements ApplicationRunner {

    static final String FIRST_SLUG = "start-here-how-the-trading-rooms-work";
    private static final Logger log = LoggerFactory.getLogger(DemoVideos.class);
    private record Demo(String title, String kind, String access, String url, int minutes, String description) { }
    private static final Demo[] VIDEOS = {
        new Demo("Start Here: How the Trading Rooms Work", "promo", "public", "https://www.youtube.com/watch?v=Rt9pX2mQ4sA", 6,
                "A tour of the live rooms, the alerts and the archives."),
        new Demo("Options Basics: Calls, Puts and the Greeks", "lesson", "public", "https://youtu.be/Op7bK3nLw2E", 42,
                "The building blocks of every options strategy, with worked examples."),
        new Demo("Building an SPX Iron Condor", "lesson", "members", "https://vimeo.com/764512390", 55,
                "Strike selection, sizing and adjustments for a weekly condor."),
        new Demo("Reading the Opening Range", "lesson", "members", "https://www.youtube.com/watch?v=Or4nG8eR1qZ", 31,
                "How the first thirty minutes frame the session, and how we trade the break."),
        new Demo("Risk Management Workshop", "webinar", "public", "https://vimeo.com/812334077", 78,
                "Position sizing, stop placement and the maths of drawdowns, with audience questions."),
        new Demo("Futures Trading for Stock Traders", "webinar", "members", "https://www.youtube.com/watch?v=Fu5tR9sTk0Y", 64,
                "Contract specs, margin and the sessions that matter for ES and NQ."),
        new Demo("Trading Psychology: Sticking to the Plan", "lesson", "members", "https://vimeo.com/790021455", 27,
                "Why good plans fail at the screen and habits that keep you on them."),
        new Demo("2027 Market Outlook", "webinar", "public", "https://www.youtube.com/watch?v=Mk2027OutLk", 58,
                "Our analysts on rates, earnings and the sectors we are watching next year.")};

    private final VideoService service;
    private final VideoRepository videos;
    private final DemoContent demo;

    DemoVideos(VideoService service, VideoRepository videos, DemoContent demo) {
        this.service = service;
        this.videos = videos;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.requested(args)) {
            log.info("demo data: {} videos added", seed());
        }
    }

    /** Adds the demo videos unless they are there already; returns how many were added. */
    int seed() {
        var editor = demo.editor();
        if (editor.isEmpty() || videos.slugTaken(FIRST_SLUG, 0)) {
            return 0;
        }
        var posters = demo.chartImages(4, editor.get(), new Random(20261207));
        int index = 0;
        for (Demo video : VIDEOS) {
            var body = new HashMap<String, @Nullable Object>(Map.of("title", video.title(), "kind", video.kind(), "access", video.access(),
                    "source", "embed", "url", video.url(), "duration_seconds", video.minutes() * 60, "description", video.description()));
            if (index == 0) {
                body.put("slug", FIRST_SLUG);
            }
            long id = service.create(body, editor.get());
            service.setThumbnail(videos.find(id).orElseThrow(), posters.get(index % posters.size()));
            service.update(videos.find(id).orElseThrow(), Map.of("status", "published"));
            index++;
        }
        return VIDEOS.length;
    }
}
