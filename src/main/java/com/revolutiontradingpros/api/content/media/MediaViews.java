package com.revolutiontradingpros.api.content.media;

import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.content.usages.AssetUsages;
import com.revolutiontradingpros.api.platform.storage.ObjectStorage;

/** The library's JSON shapes, with URLs: permanent ones for public items, signed for an hour for private ones. */
@Component
class MediaViews {

    private final MediaRepository repository;
    private final AssetUsages usages;
    private final MediaLibrary library;
    private final ObjectStorage storage;

    MediaViews(MediaRepository repository, AssetUsages usages, MediaLibrary library, ObjectStorage storage) {
        this.repository = repository;
        this.usages = usages;
        this.library = library;
        this.storage = storage;
    }

    record VariantView(String name, String format, int width, int height, long sizeBytes, String url) {
    }

    record MediaSummary(long id, String originalFilename, String mimeType, String kind, long sizeBytes, @Nullable Integer width,
            @Nullable Integer height, @Nullable String altText, @Nullable String title, @Nullable Long folderId, String visibility,
            String variantsStatus, @Schema(description = "the thumb variant, else the original for images") @Nullable String thumbnailUrl,
            int usageCount, long uploadedBy, Instant createdAt, Instant updatedAt) {
    }

    record MediaDetail(long id, @Schema(description = "public items only; private ones through GET /media/{id}/url") @Nullable String url,
            String originalFilename, String mimeType, String kind, long sizeBytes, @Nullable Integer width, @Nullable Integer height,
            @Schema(description = "SHA-256 of the stored file, hex") String checksum, @Nullable String altText, @Nullable String title,
            @Nullable String caption, @Nullable Long folderId, String visibility, double focalX, double focalY, String variantsStatus,
            List<VariantView> variants, @Schema(description = "srcset of the original-format variants") @Nullable String srcset,
            @Schema(description = "srcset of the WebP variants") @Nullable String srcsetWebp, @Nullable String thumbnailUrl, int usageCount,
            int fileVersion, long uploadedBy, Instant createdAt, Instant updatedAt, int version) {
    }

    List<MediaSummary> summaries(List<MediaItem> items) {
        var ids = items.stream().map(MediaItem::id).toList();
        Map<Long, List<MediaVariant>> variants = repository.variants(ids).stream().collect(Collectors.groupingBy(MediaVariant::mediaId));
        var counts = usages.counts(AssetUsages.MEDIA, ids);
        return items.stream().map(item -> new MediaSummary(item.id(), item.originalFilename(), item.mimeType(), item.kind(), item.sizeBytes(),
                item.width(), item.height(), item.altText(), item.title(), item.folderId(), item.visibility(), item.variantsStatus(),
                thumbnail(item, variants.getOrDefault(item.id(), List.of())), counts.getOrDefault(item.id(), 0), item.uploadedBy(),
                item.createdAt(), item.updatedAt())).toList();
    }

    MediaDetail detail(MediaItem item) {
        var variants = repository.variants(List.of(item.id()));
        var views = variants.stream()
                .map(v -> new VariantView(v.name(), v.format(), v.width(), v.height(), v.sizeBytes(), library.url(item, v.storageKey()))).toList();
        return new MediaDetail(item.id(), item.isPublic() ? storage.publicUrl(item.storageKey()).toString() : null, item.originalFilename(),
                item.mimeType(), item.kind(), item.sizeBytes(), item.width(), item.height(), HexFormat.of().formatHex(item.checksum()),
                item.altText(), item.title(), item.caption(), item.folderId(), item.visibility(), item.focalX().doubleValue(),
                item.focalY().doubleValue(), item.variantsStatus(), views, library.srcset(item, variants, "original"),
                library.srcset(item, variants, "webp"),
                thumbnail(item, variants), usages.counts(AssetUsages.MEDIA, List.of(item.id())).getOrDefault(item.id(), 0),
                item.fileVersion(), item.uploadedBy(), item.createdAt(), item.updatedAt(), item.version());
    }

    private @Nullable String thumbnail(MediaItem item, List<MediaVariant> variants) {
        return variants.stream().filter(v -> v.name().equals("thumb")).min(Comparator.comparing(v -> !v.format().equals("original")))
                .map(v -> library.url(item, v.storageKey()))
                .orElse(item.isImage() ? library.url(item, item.storageKey()) : null);
    }
}
