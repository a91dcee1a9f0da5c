package com.revolutiontradingpros.api.content.posts;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * Reads a WordPress export (WXR 1.0–1.2) as a stream: authors, categories and tags declared on the channel, then
 * each item. Posts and pages become {@link ExchangedPost}s; attachments, menu items, other post types and trashed
 * posts are ignored. DTDs and external entities are refused, so a file cannot make the server read local files or
 * the network (rule 35: nothing is downloaded).
 */
final class WxrImportReader {

    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern BLOCK = Pattern.compile("(?is)^\\s*<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|!--)[\\s>/-]");

    private final Map<String, String> emailsByLogin = new HashMap<>();
    private final Map<String, Declared> categories = new HashMap<>();
    private final Map<String, String> tagNames = new HashMap<>();

    private WxrImportReader() {
    }

    static void read(InputStream in, Consumer<ImportItem> each) {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            new WxrImportReader().channel(xml, each);
        } catch (XMLStreamException e) {
            throw new ImportItem.UnreadableFile("the file is not a readable WordPress export: " + e.getMessage());
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private void channel(XMLStreamReader xml, Consumer<ImportItem> each) throws XMLStreamException {
        boolean rss = false;
        int number = 0;
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = name(xml);
            switch (name) {
                case "rss" -> rss = true;
                case "channel" -> { }
                case "wp:author" -> {
                    var fields = fields(xml);
                    String login = fields.getOrDefault("wp:author_login", "");
                    String email = fields.getOrDefault("wp:author_email", "");
                    if (!login.isEmpty() && !email.isEmpty()) {
                        emailsByLogin.put(login, email.strip().toLowerCase(java.util.Locale.ROOT));
                    }
                }
                case "wp:category" -> {
                    var fields = fields(xml);
                    String slug = fields.getOrDefault("wp:category_nicename", "");
                    if (!slug.isEmpty()) {
                        String parent = fields.getOrDefault("wp:category_parent", "");
                        categories.put(slug, new Declared(fields.getOrDefault("wp:cat_name", slug), parent.isEmpty() ? null : parent));
                    }
                }
                case "wp:tag" -> {
                    var fields = fields(xml);
                    String slug = fields.getOrDefault("wp:tag_slug", "");
                    if (!slug.isEmpty()) {
                        tagNames.put(slug, fields.getOrDefault("wp:tag_name", slug));
                    }
                }
                case "item" -> {
                    if (!rss) {
                        throw new ImportItem.UnreadableFile("the file is not an RSS document");
                    }
                    each.accept(item(xml, ++number));
                }
                default -> skip(xml);
            }
        }
        if (!rss) {
            throw new ImportItem.UnreadableFile("the file is not a WordPress export (no rss element)");
        }
    }

    private ImportItem item(XMLStreamReader xml, int number) throws XMLStreamException {
        var fields = new HashMap<String, String>();
        var itemCategories = new ArrayList<ExchangedPost.Term>();
        var itemTags = new ArrayList<ExchangedPost.Term>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = name(xml);
            if (name.equals("category")) {
                String domain = attribute(xml, "domain");
                String slug = attribute(xml, "nicename");
                String text = xml.getElementText().strip();
                if (domain.equals("category") && !slug.isEmpty()) {
                    itemCategories.add(withParents(slug, text, 0));
                } else if (domain.equals("post_tag") && !slug.isEmpty()) {
                    itemTags.add(new ExchangedPost.Term(slug, tagNames.getOrDefault(slug, text), null));
                }
            } else if (name.equals("wp:postmeta") || name.equals("wp:comment")) {
                skip(xml);
            } else {
                fields.put(name, text(xml));
            }
        }
        String title = fields.getOrDefault("title", "").strip();
        String slug = fields.getOrDefault("wp:post_name", "");
        String label = "#" + number + " " + (slug.isEmpty() ? title : slug);
        String type = fields.getOrDefault("wp:post_type", "post");
        String wpStatus = fields.getOrDefault("wp:status", "draft");
        if (!type.equals("post") && !type.equals("page") || wpStatus.equals("trash") || wpStatus.equals("auto-draft")
                || wpStatus.equals("inherit")) {
            return new ImportItem.Ignored(label);
        }
        Instant date = date(fields.get("wp:post_date_gmt"));
        String status = switch (wpStatus) {
            case "publish" -> "published";
            case "future" -> "scheduled";
            default -> "draft";
        };
        String creator = fields.getOrDefault("dc:creator", "");
        var authors = emailsByLogin.containsKey(creator) ? List.of(emailsByLogin.get(creator)) : List.<String>of();
        String excerpt = fields.getOrDefault("excerpt:encoded", "").strip();
        return new ImportItem.Readable(label, new ExchangedPost(type, title, slug, status, "public", excerpt.isEmpty() ? null : excerpt,
                paragraphs(fields.getOrDefault("content:encoded", "")), null, null, status.equals("published") ? date : null,
                status.equals("scheduled") ? date : null, "1".equals(fields.get("wp:is_sticky")), authors, itemCategories,
                itemTags, List.of()));
    }

    /** A category as the channel declares it: its name and its parent's slug. */
    private record Declared(String name, @Nullable String parent) {
    }

    /** The category with its ancestors as the channel declared them (a loop in the file is cut). */
    private ExchangedPost.Term withParents(String slug, String name, int depth) {
        var declared = categories.get(slug);
        String parent = declared == null ? null : declared.parent();
        var parentTerm = parent == null || depth > 10 ? null : withParents(parent, categories.containsKey(parent) ? categories.get(parent).name() : parent, depth + 1);
        return new ExchangedPost.Term(slug, declared == null ? name : declared.name(), parentTerm);
    }

    /**
     * WordPress stores post bodies without paragraph tags and adds them when it shows a post: text separated by blank
     * lines becomes paragraphs here too, while bodies already written in blocks are kept as they are.
     */
    static String paragraphs(String body) {
        String text = body.replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            return text;
        }
        var html = new StringBuilder();
        for (String chunk : text.split("\n\\s*\n")) {
            String part = chunk.strip();
            if (part.isEmpty()) {
                continue;
            }
            html.append(BLOCK.matcher(part).find() ? part : "<p>" + part.replace("\n", "<br>\n") + "</p>").append('\n');
        }
        return html.toString().strip();
    }

    private static @Nullable Instant date(@Nullable String value) {
        if (value == null || value.isBlank() || value.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), WP_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The simple child elements of the current element, by prefixed name; nested structures are skipped. */
    private static Map<String, String> fields(XMLStreamReader xml) throws XMLStreamException {
        var fields = new HashMap<String, String>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            fields.put(name(xml), text(xml));
        }
        return fields;
    }

    /** The text of the current element, or empty when it holds elements (which are skipped). */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        var text = new StringBuilder();
        int depth = 1;
        boolean nested = false;
        while (depth > 0) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    nested = true;
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) {
                        text.append(xml.getText());
                    }
                }
                default -> { }
            }
        }
        return nested ? "" : text.toString();
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The element's name with the prefix WordPress exports use for its namespace (wp, content, excerpt, dc). */
    private static String name(XMLStreamReader xml) {
        String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
        String local = xml.getLocalName();
        if (ns.startsWith("http://wordpress.org/export/") && ns.endsWith("/excerpt/")) {
            return "excerpt:" + local;
        }
        if (ns.startsWith("http://wordpress.org/export/")) {
            return "wp:" + local;
        }
        if (ns.equals("http://purl.org/rss/1.0/modules/content/")) {
            return "content:" + local;
        }
        if (ns.equals("http://purl.org/dc/elements/1.1/")) {
            return "dc:" + local;
        }
        return local;
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value.strip();
    }
}
