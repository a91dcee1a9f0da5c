package com.revolutiontradingpros.api.content.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * SVG is XML that browsers run: scripts, event handlers, foreign HTML and references to other documents are removed
 * (rule 20), leaving shapes, text, gradients and in-document references ({@code href="#id"}).
 */
final class SvgSanitizer {

    private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "symbol", "use", "title", "desc", "path", "rect",
            "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textpath", "lineargradient",
            "radialgradient", "stop", "clippath", "mask", "pattern", "marker", "filter", "fegaussianblur", "feoffset",
            "feblend", "fecolormatrix", "fecomposite", "feflood", "femerge", "femergenode", "femorphology", "fedropshadow",
            "metadata", "switch", "view", "style");
    private static final Pattern EXTERNAL_CSS = Pattern.compile("(?i)@import|url\\s*\\(\\s*['\"]?\\s*(?!#)|expression\\s*\\(|javascript:");

    private SvgSanitizer() {
    }

    static byte[] sanitize(byte[] svg) {
        Document document = Jsoup.parse(new String(svg, StandardCharsets.UTF_8), "", Parser.xmlParser());
        Element root = document.children().stream().filter(e -> e.normalName().equalsIgnoreCase("svg")).findFirst()
                .orElseThrow(() -> ApiException.unprocessable("invalid_image", "file", "the SVG has no svg root element"));
        // Comments, doctypes (entity bombs) and processing instructions go; only the svg element is kept.
        document.empty();
        document.appendChild(root);
        clean(root);
        return root.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    private static void clean(Element element) {
        for (Element child : element.children()) {
            String name = localName(child.normalName());
            if (!ELEMENTS.contains(name)) {
                child.remove();
                continue;
            }
            if (name.equals("style") && EXTERNAL_CSS.matcher(child.data()).find()) {
                child.remove();
                continue;
            }
            clean(child);
        }
        for (var attribute : element.attributes().asList()) {
            String key = attribute.getKey().toLowerCase(Locale.ROOT);
            String value = attribute.getValue().strip();
            boolean reference = localName(key).equals("href") || key.equals("src");
            if (key.startsWith("on") || (reference && !value.startsWith("#"))
                    || (key.equals("style") && EXTERNAL_CSS.matcher(value).find())
                    || EXTERNAL_CSS.matcher(value).find() && !key.equals("d")) {
                element.removeAttr(attribute.getKey());
            }
        }
    }

    private static String localName(String name) {
        int colon = name.indexOf(':');
        return (colon < 0 ? name : name.substring(colon + 1)).toLowerCase(Locale.ROOT);
    }
}
