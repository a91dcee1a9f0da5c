package com.revolutiontradingpros.api.content.posts;

import java.io.InputStream;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads this API's JSON export (row 32) one post at a time, so a 100 MB file never sits in memory. A post that does
 * not fit the format is reported and the rest are still read; a file that is not an export stops the job.
 */
final class JsonImportReader {

    private JsonImportReader() {
    }

    static void read(JsonMapper json, InputStream in, Consumer<ImportItem> each) {
        // Files from a later version may carry fields this one does not know: they are ignored, not refused.
        var reader = json.readerFor(ExchangedPost.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try (var parser = json.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportItem.UnreadableFile("the file is not a JSON object; expected this API's post export");
            }
            boolean formatSeen = false;
            boolean postsSeen = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("format")) {
                    if (!ExchangedPost.FORMAT.equals(parser.getValueAsString())) {
                        throw new ImportItem.UnreadableFile("format must be " + ExchangedPost.FORMAT);
                    }
                    formatSeen = true;
                } else if (name.equals("posts")) {
                    if (!formatSeen) {
                        throw new ImportItem.UnreadableFile("format must come before posts, as the export writes it");
                    }
                    if (parser.currentToken() != JsonToken.START_ARRAY) {
                        throw new ImportItem.UnreadableFile("posts must be an array");
                    }
                    postsSeen = true;
                    int number = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        number++;
                        JsonNode node = parser.readValueAsTree();
                        each.accept(item(reader, node, number));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (!postsSeen) {
                throw new ImportItem.UnreadableFile("the file holds no posts array");
            }
        } catch (JacksonException e) {
            throw new ImportItem.UnreadableFile("the file is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static ImportItem item(tools.jackson.databind.ObjectReader reader, JsonNode node, int number) {
        String label = "#" + number + (node.path("slug").isString() ? " " + node.path("slug").asString()
                : node.path("title").isString() ? " " + node.path("title").asString() : "");
        if (!node.isObject()) {
            return new ImportItem.Unreadable(label, "is not an object");
        }
        try {
            return new ImportItem.Readable(label, reader.readValue(node));
        } catch (DatabindException e) {
            String field = e.getPath().stream().map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return new ImportItem.Unreadable(label, field.isEmpty() ? e.getOriginalMessage() : field + " has the wrong type");
        } catch (JacksonException e) {
            return new ImportItem.Unreadable(label, e.getOriginalMessage());
        }
    }
}
