package com.revolutiontradingpros.api.content.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import com.revolutiontradingpros.api.platform.text.Slugs;

/** What is derived from a post's sanitised body on every save (rule 4) and what gating lets out (rule 6). */
public final class PostBodies {

    static final int WORDS_PER_MINUTE = 265;
    static final int EXCERPT_LENGTH = 200;
    private static final int TEASER_BLOCKS = 3;

    private PostBodies() {
    }

    /**
     * @param html the body with ids on its h2 and h3 headings
     * @param teaserHtml what a caller without access reads of it
     * @param publicText the text a caller without access may see: the teaser's for gated posts, all of it otherwise
     */
    public record Body(String html, String text, String teaserHtml, String publicText, int wordCount, int readingTimeMinutes,
            String autoExcerpt) {
    }

    public record Heading(String id, String text, int level) {
    }

    /** Derives everything from a sanitised body; {@code teaserHtml} is the editor's sanitised teaser, if any. */
    public static Body analyse(String html, @Nullable String teaserHtml, boolean gated) {
        Document document = parse(html);
        addHeadingIds(document);
        String withIds = document.body().html();
        String text = document.body().text();
        String teaser = teaser(withIds, teaserHtml);
        String publicText = gated ? parse(teaser).body().text() : text;
        int words = wordCount(text);
        return new Body(withIds, text, teaser, publicText, words, readingTime(words, document.select("img").size()),
                excerpt(publicText));
    }

    /** The table of contents: h2 and h3 headings with their ids. */
    public static List<Heading> toc(String html) {
        var headings = new ArrayList<Heading>();
        for (Element heading : parse(html).select("h2[id], h3[id]")) {
            headings.add(new Heading(heading.id(), heading.text(), heading.tagName().equals("h2") ? 2 : 3));
        }
        return headings;
    }

    /** Everything before the members-only marker; else the editor's teaser; else the first three top-level blocks. */
    public static String teaser(String html, @Nullable String teaserHtml) {
        var marker = HtmlSanitizer.MEMBERS_ONLY_MARKER.matcher(html);
        if (marker.find()) {
            return parse(html.substring(0, marker.start())).body().html();
        }
        if (teaserHtml != null && !teaserHtml.isBlank()) {
            return teaserHtml;
        }
        var teaser = new StringBuilder();
        int blocks = 0;
        for (Node node : parse(html).body().childNodes()) {
            if (blocks == TEASER_BLOCKS) {
                break;
            }
            if (node instanceof Element || node instanceof TextNode text && !text.isBlank()) {
                teaser.append(node.outerHtml());
                blocks++;
            }
        }
        return teaser.toString();
    }

    static int wordCount(String text) {
        int words = 0;
        for (String token : text.split("\\s+")) {
            if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                words++;
            }
        }
        return words;
    }

    /** Reading time in minutes: 265 words a minute, plus 12 s for the first image, 11 s for the second … 3 s from the tenth. */
    static int readingTime(int words, int images) {
        int imageSeconds = 0;
        for (int i = 0; i < images; i++) {
            imageSeconds += Math.max(12 - i, 3);
        }
        return Math.max(1, (int) Math.ceil(words / (double) WORDS_PER_MINUTE + imageSeconds / 60.0));
    }

    /** The first 200 characters of the text, cut at a word boundary, with an ellipsis when cut. */
    static String excerpt(String text) {
        String trimmed = text.strip();
        if (trimmed.length() <= EXCERPT_LENGTH) {
            return trimmed;
        }
        int cut = trimmed.lastIndexOf(' ', EXCERPT_LENGTH);
        return trimmed.substring(0, cut > 0 ? cut : EXCERPT_LENGTH).stripTrailing() + "…";
    }

    private static void addHeadingIds(Document document) {
        Set<String> used = new HashSet<>();
        document.select("[id]").forEach(element -> used.add(element.id()));
        for (Element heading : document.select("h2, h3")) {
            if (!heading.id().isEmpty()) {
                continue;
            }
            String base = Slugs.of(heading.text());
            base = base.isEmpty() ? "section" : base;
            String id = base;
            for (int n = 2; used.contains(id); n++) {
                id = base + "-" + n;
            }
            used.add(id);
            heading.id(id);
        }
    }

    private static Document parse(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        return document;
    }
}
