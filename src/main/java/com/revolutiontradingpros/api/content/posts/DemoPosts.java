package com.revolutiontradingpros.api.content.posts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

import com.revolutiontradingpros.api.content.categories.Categories;
import com.revolutiontradingpros.api.content.demo.DemoContent;
import com.revolutiontradingpros.api.content.html.HtmlSanitizer;
import com.revolutiontradingpros.api.content.tags.Tags;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.text.Slugs;

/**
 * The blog part of the demo data: a category tree, tags and SEED_DEMO_POSTS posts (60 unless told) written by the
 * demo authors over the last two years: mostly published, some drafts and scheduled posts, about a third
 * members-only behind the marker, with chart images as featured images. It runs after the demo users and adds
 * nothing when its first post is there already.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
@Component
class DemoPosts implements ApplicationRunner {

    static final String FIRST_SLUG = "welcome-to-revolution-trading-pros";
    private static final Logger log = LoggerFactory.getLogger(DemoPosts.class);
    /** Category paths: parent before child. */
    private static final String[][] CATEGORIES = {{"Trading"}, {"Trading", "Options"}, {"Trading", "Options", "Spreads"},
        {"Trading", "Futures"}, {"Trading", "Day Trading"}, {"Trading", "Swing Trading"}, {"Markets"}, {"Markets", "Stocks"},
        {"Markets", "Forex"}, {"Markets", "Crypto"}, {"Education"}, {"Education", "Psychology"}, {"Education", "Risk Management"},
        {"Room Recaps"}, {"Announcements"}};
    private static final String[] TAGS = {"SPX", "SPY", "QQQ", "ES futures", "NQ futures", "TSLA", "NVDA", "AAPL", "iron condor",
        "credit spread", "earnings", "VIX", "gamma", "support and resistance", "moving averages", "VWAP", "position sizing",
        "stop loss", "trade plan", "journal", "FOMC", "CPI"};
    private static final String[] SUBJECTS = {"SPX Iron Condors", "Credit Spreads", "the Opening Range", "VWAP Reclaims", "Earnings Straddles",
        "ES Futures Scalps", "Gap Fills", "Support and Resistance", "the 21-Day Moving Average", "Position Sizing", "Theta Decay",
        "NVDA Breakouts", "QQQ Pullbacks", "FOMC Days", "CPI Mornings", "the VIX Term Structure", "Trailing Stops", "Swing Entries"};
    private static final String[] FORMATS = {"How to Trade %s", "%s: A Practical Guide", "5 Mistakes Traders Make With %s",
        "What We Learned From %s This Week", "A Checklist for %s", "Why %s Still Works", "%s Explained in Plain English",
        "Room Recap: %s", "The Risk Side of %s"};
    private static final String[] HEADINGS = {"The setup", "Where it goes wrong", "Sizing the position", "Managing the trade",
        "What the chart is telling us", "Our rules", "A worked example", "Key takeaways"};
    private static final String[] SENTENCES = {"Most traders focus on entries, but the exit decides whether a setup pays.",
        "We size every position so that a full loss costs no more than one percent of the account.",
        "Implied volatility tends to overstate the move, which is exactly what premium sellers are paid for.",
        "When price reclaims VWAP on rising volume, the path of least resistance usually points higher.",
        "A plan written before the open beats any decision made in the heat of a fast tape.",
        "Liquidity thins out around lunch, so we tighten stops or simply stand aside.",
        "The first thirty minutes set the range that the rest of the session tends to respect.",
        "Keep a journal: the patterns in your own mistakes are the cheapest lesson you will get.",
        "We roll the untested side when the short strike comes within one expected move.",
        "Futures give leverage in both directions, so the stop goes in before the order does.",
        "Earnings gaps fill less often than people think, especially after a guidance raise.",
        "A trend on the daily chart outranks any signal on the five-minute chart.",
        "Theta works for you every day, but gamma can take a week of gains in an hour.",
        "Scaling out at the first target pays for the trade and lets the rest run without stress.",
        "If the reason for the trade is gone, the trade should be gone too.",
        "Correlated positions are one big position wearing different tickers."};
    private static final String[] LIST_ITEMS = {"Define the invalidation level before entering", "Check the economic calendar",
        "Size so one loss is at most 1% of the account", "Take partial profits at the first target", "Log the trade with a screenshot",
        "Avoid new positions in the last ten minutes", "Know the expected move from the options chain"};

    private final PostService service;
    private final PostRepository posts;
    private final Categories categories;
    private final Tags tags;
    private final DemoContent demo;
    private final Clock clock;

    DemoPosts(PostService service, PostRepository posts, Categories categories, Tags tags, DemoContent demo, Clock clock) {
        this.service = service;
        this.posts = posts;
        this.categories = categories;
        this.tags = tags;
        this.demo = demo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.requested(args)) {
            int added = seed(demo.count("SEED_DEMO_POSTS", 60));
            log.info("demo data: {} posts added", added);
        }
    }

    /** Adds the categories, tags and {@code count} posts unless the demo posts are there already; returns the posts added. */
    int seed(int count) {
        var editor = demo.editor();
        if (editor.isEmpty() || count <= 0 || posts.slugTaken(FIRST_SLUG, 0)) {
            return 0;
        }
        var random = new Random(20261206);
        var writers = demo.writers();
        var categoryIds = categories();
        var tagIds = new ArrayList<Long>();
        for (String tag : TAGS) {
            tagIds.add(tags.ensure(Slugs.of(tag), tag));
        }
        var images = demo.chartImages(Math.min(12, count), editor.get(), random);
        Instant now = clock.instant();
        for (int i = 0; i < count; i++) {
            var body = post(i, random, writers, categoryIds, tagIds, images);
            long id = service.create(editor.get(), body);
            settle(editor.get(), id, i, random, now);
            if (i % 1000 == 999) {
                posts.analyze();
            }
        }
        posts.analyze();
        return count;
    }

    private List<Long> categories() {
        var ids = new LinkedHashMap<String, Long>();
        for (String[] path : CATEGORIES) {
            String name = path[path.length - 1];
            Long parent = path.length > 1 ? ids.get(path[path.length - 2]) : null;
            ids.put(name, categories.ensure(Slugs.of(name), name, parent));
        }
        return List.copyOf(ids.values());
    }

    private static Map<String, @Nullable Object> post(int index, Random random, List<Long> writers, List<Long> categoryIds, List<Long> tagIds,
            List<Long> images) {
        var body = new HashMap<String, @Nullable Object>();
        String title = index == 0 ? "Welcome to Revolution Trading Pros"
                : FORMATS[random.nextInt(FORMATS.length)].formatted(SUBJECTS[random.nextInt(SUBJECTS.length)]);
        body.put("title", title);
        if (index == 0) {
            body.put("slug", FIRST_SLUG);
        }
        boolean membersOnly = index > 0 && random.nextInt(100) < 30;
        body.put("visibility", membersOnly ? "members" : "public");
        body.put("body_html", html(random, membersOnly));
        body.put("excerpt", SENTENCES[random.nextInt(SENTENCES.length)]);
        body.put("category_ids", pick(categoryIds, 1 + random.nextInt(2), random));
        body.put("tag_ids", pick(tagIds, 2 + random.nextInt(4), random));
        if (!writers.isEmpty()) {
            body.put("author_ids", pick(writers, random.nextInt(10) == 0 ? 2 : 1, random));
        }
        if (!images.isEmpty()) {
            body.put("featured_media_id", images.get(random.nextInt(images.size())));
        }
        body.put("is_featured", random.nextInt(12) == 0);
        return body;
    }

    /** 85% published at a time within the last two years, 5% scheduled in the next two weeks, the rest drafts. */
    private void settle(CurrentUser editor, long id, int index, Random random, Instant now) {
        int roll = index == 0 ? 0 : random.nextInt(100);
        if (roll < 85) {
            service.publish(editor, id, now.minus(Duration.ofMinutes(index == 0 ? 730L * 24 * 60 : 1 + random.nextInt(730 * 24 * 60))), false);
        } else if (roll < 90) {
            service.schedule(editor, id, now.plus(Duration.ofHours(1 + random.nextInt(14 * 24))));
        }
    }

    private static String html(Random random, boolean membersOnly) {
        var html = new StringBuilder();
        int sections = 3 + random.nextInt(3);
        for (int s = 0; s < sections; s++) {
            if (s == 1 && membersOnly) {
                html.append(HtmlSanitizer.MEMBERS_ONLY);
            }
            html.append("<h2>").append(HEADINGS[random.nextInt(HEADINGS.length)]).append("</h2>");
            for (int p = 1 + random.nextInt(3); p > 0; p--) {
                html.append("<p>");
                for (int n = 3 + random.nextInt(4); n > 0; n--) {
                    html.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(n > 1 ? " " : "");
                }
                html.append("</p>");
            }
            if (random.nextInt(3) == 0) {
                html.append("<ul>");
                pick(List.of(LIST_ITEMS), 3, random).forEach(item -> html.append("<li>").append(item).append("</li>"));
                html.append("</ul>");
            } else if (random.nextInt(4) == 0) {
                html.append("<blockquote><p>").append(SENTENCES[random.nextInt(SENTENCES.length)]).append("</p></blockquote>");
            }
        }
        return html.toString();
    }

    private static <T> List<T> pick(List<T> from, int count, Random random) {
        var copy = new ArrayList<>(from);
        Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(count, copy.size())));
    }
}
