package com.revolutiontradingpros.api.content.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import com.revolutiontradingpros.api.platform.storage.ObjectStorage;
import com.revolutiontradingpros.api.platform.web.ApiException;

/** What the rest of content asks of the library: whether items exist, their current URLs, and bodies with fresh images. */
@Component
public class MediaLibrary {

    /** Private files shown in bodies (rule 5) and to the staff get links valid this long. */
    static final Duration SIGNED_LINKS = Duration.ofHours(1);

    private final MediaRepository repository;
    private final MediaService service;
    private final ObjectStorage storage;
    private final Clock clock;

    MediaLibrary(MediaRepository repository, @Lazy MediaService service, ObjectStorage storage, Clock clock) {
        this.repository = repository;
        this.service = service;
        this.storage = storage;
        this.clock = clock;
    }

    /** A video file in the library, for registering it in the video library (which copies it). */
    public record VideoFile(String storageKey, String mimeType, long sizeBytes, String filename) {
    }

    public Optional<VideoFile> videoFile(long id) {
        return repository.find(id).filter(item -> FileTypes.VIDEO_CONTAINERS.contains(item.mimeType()))
                .map(item -> new VideoFile(item.storageKey(), item.mimeType(), item.sizeBytes(), item.originalFilename()));
    }

    /** Stores an uploaded image as a public library item (a video's poster); anything but an image is 422 on {@code field}. */
    public long storeImage(MultipartFile file, long caller, String field) throws IOException {
        byte[] head;
        try (var in = file.getInputStream()) {
            head = in.readNBytes(FileTypes.SNIFF_BYTES);
        }
        String filename = MediaController.filename(file);
        if (!FileTypes.detect(head, filename).map(FileType::isImage).orElse(false)) {
            throw ApiException.invalid(field, "must be an image (JPEG, PNG, GIF, WebP, AVIF or SVG)");
        }
        return service.create(MediaController.source(file), filename, new MediaService.Details(null, null, null, null, "public"), caller);
    }

    /** Stores generated image bytes (demo data) as a public library item with its alt text. */
    public long storeImage(byte[] bytes, String filename, String altText, long caller) {
        var source = new MediaFiles.Source() {
            @Override
            public byte[] head() {
                return Arrays.copyOf(bytes, Math.min(bytes.length, FileTypes.SNIFF_BYTES));
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public long size() {
                return bytes.length;
            }
        };
        return service.create(source, filename, new MediaService.Details(altText, null, null, null, "public"), caller);
    }

    /**
     * Objects other parts of content no longer need (a replaced or deleted video file), deleted by the library's
     * cleanup job after the delay, so players and cached pages holding their URLs keep working until then.
     */
    public void deleteObjectsLater(Collection<String> keys, Duration delay) {
        repository.deleteLater(keys, clock.instant().plus(delay));
    }

    public boolean exists(long id) {
        return repository.find(id).isPresent();
    }

    /** An image as pages show it: its current URL, srcset of its variants, size and alt text. */
    public record Image(long id, String url, @Nullable String srcset, @Nullable Integer width, @Nullable Integer height,
            @Nullable String altText) {
    }

    /** The public ones among these items (featured images, category pictures), by id. */
    public Map<Long, Image> publicImages(Collection<Long> ids) {
        var items = repository.findAll(ids).stream().filter(MediaItem::isPublic).toList();
        var variants = variantsOf(items);
        return items.stream().collect(Collectors.toMap(MediaItem::id, item -> image(item, variants.getOrDefault(item.id(), List.of()))));
    }

    /**
     * Rule 5: {@code <img data-media-id>} gets the item's current URL, srcset, width and height at read time, so a
     * replaced file shows everywhere. Private items get signed links only when {@code privateAllowed} (the caller reads
     * the post in full); otherwise their src is dropped. Unknown ids are left as written.
     */
    public String rewrite(String html, boolean privateAllowed) {
        if (!html.contains("data-media-id")) {
            return html;
        }
        var document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        var images = document.select("img[data-media-id]");
        var ids = new LinkedHashSet<Long>();
        images.forEach(element -> parse(element.attr("data-media-id")).ifPresent(ids::add));
        var items = repository.findAll(ids).stream().collect(Collectors.toMap(MediaItem::id, Function.identity()));
        var variants = variantsOf(items.values());
        for (var element : images) {
            var item = parse(element.attr("data-media-id")).map(items::get).orElse(null);
            if (item == null) {
                continue;
            }
            if (!item.isPublic() && !privateAllowed) {
                element.removeAttr("src").removeAttr("srcset");
                continue;
            }
            var image = image(item, variants.getOrDefault(item.id(), List.of()));
            element.attr("src", image.url());
            if (image.srcset() != null) {
                element.attr("srcset", image.srcset());
            }
            if (image.width() != null && image.height() != null) {
                element.attr("width", image.width().toString()).attr("height", image.height().toString());
            }
        }
        return document.body().html();
    }

    /** The ids a body refers to with {@code data-media-id} (rule 24 records them as usages). */
    public static Set<Long> referencedIds(String html) {
        var ids = new LinkedHashSet<Long>();
        Jsoup.parseBodyFragment(html).select("[data-media-id]").forEach(element -> parse(element.attr("data-media-id")).ifPresent(ids::add));
        return ids;
    }

    private Map<Long, List<MediaVariant>> variantsOf(Collection<MediaItem> items) {
        return repository.variants(items.stream().map(MediaItem::id).toList()).stream()
                .collect(Collectors.groupingBy(MediaVariant::mediaId, HashMap::new, Collectors.toList()));
    }

    private Image image(MediaItem item, List<MediaVariant> variants) {
        return new Image(item.id(), url(item, item.storageKey()), srcset(item, variants, "original"), item.width(), item.height(),
                item.altText());
    }

    /** A file of the item: permanent for public items, signed for an hour for private ones. */
    String url(MediaItem item, String key) {
        return (item.isPublic() ? storage.publicUrl(key) : storage.downloadUrl(key, SIGNED_LINKS)).toString();
    }

    /** The srcset of the item's resized variants in one format ({@code original} or {@code webp}); null without any. */
    @Nullable String srcset(MediaItem item, List<MediaVariant> variants, String format) {
        var widths = variants.stream().filter(v -> v.format().equals(format) && !v.name().equals("thumb"))
                .map(v -> url(item, v.storageKey()) + " " + v.width() + "w").toList();
        return widths.isEmpty() ? null : String.join(", ", widths);
    }

    private static java.util.Optional<Long> parse(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
