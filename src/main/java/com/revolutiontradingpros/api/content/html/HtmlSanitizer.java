package com.revolutiontradingpros.api.content.html;

import java.net.URI;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * The allow-list of rule 3: editors' HTML is cleaned, never refused. The {@code <!--members-only-->} marker is
 * the one comment kept, because it splits the teaser from the gated part.
 */
@Component
public class HtmlSanitizer {

    public static final String MEMBERS_ONLY = "<!--members-only-->";
    static final Pattern MEMBERS_ONLY_MARKER = Pattern.compile("<!--\\s*members-only\\s*-->", Pattern.CASE_INSENSITIVE);

    private static final Set<String> FRAME_HOSTS = Set.of("youtube.com", "www.youtube.com", "youtube-nocookie.com",
            "www.youtube-nocookie.com", "player.vimeo.com", "s.tradingview.com");
    /** A base for resolving relative links while checking protocols; relative links are kept as written. */
    private static final String BASE = "https://site.invalid/";

    private final Safelist safelist = new Safelist()
            .addTags("p", "h2", "h3", "h4", "h5", "h6", "a", "strong", "em", "u", "s", "sub", "sup", "blockquote", "ul", "ol",
                    "li", "pre", "code", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "img",
                    "video", "audio", "source", "iframe")
            .addAttributes(":all", "data-media-id", "data-video-id", "class", "id", "alt", "title", "width", "height")
            .addAttributes("a", "href", "target", "rel")
            .addAttributes("img", "src", "srcset", "sizes", "loading")
            .addAttributes("video", "src", "poster", "controls", "preload", "playsinline")
            .addAttributes("audio", "src", "controls", "preload")
            .addAttributes("source", "src", "type")
            .addAttributes("iframe", "src", "allow", "allowfullscreen", "frameborder", "loading")
            .addAttributes("th", "colspan", "rowspan", "scope")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("ol", "start")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https")
            .addProtocols("video", "src", "http", "https")
            .addProtocols("video", "poster", "http", "https")
            .addProtocols("audio", "src", "http", "https")
            .addProtocols("source", "src", "http", "https")
            .addProtocols("iframe", "src", "https")
            .preserveRelativeLinks(true);

    /** The safe HTML of an editor's input. */
    public String sanitize(String html) {
        var marker = MEMBERS_ONLY_MARKER.matcher(html);
        if (marker.find()) {
            return clean(html.substring(0, marker.start())) + MEMBERS_ONLY + clean(html.substring(marker.end()));
        }
        return clean(html);
    }

    private String clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        dirty.select("h1").tagName("h2");
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.select("iframe").forEach(frame -> {
            if (!allowedFrame(frame.attr("src"))) {
                frame.remove();
            }
        });
        // srcset holds URLs too; the Safelist checks only single-URL attributes.
        clean.select("img[srcset]").forEach(image -> {
            if (image.attr("srcset").toLowerCase().matches("(?s).*(javascript|data|vbscript):.*")) {
                image.removeAttr("srcset");
            }
        });
        for (Element link : clean.select("a[target]")) {
            if (link.attr("target").equals("_blank")) {
                link.attr("rel", "noopener noreferrer");
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    private static boolean allowedFrame(String src) {
        try {
            var uri = URI.create(src);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && FRAME_HOSTS.contains(uri.getHost().toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
