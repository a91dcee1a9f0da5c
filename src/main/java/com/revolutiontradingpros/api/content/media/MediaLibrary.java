package com.revolutiontradingpros.api.content.media;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.platform.storage.ObjectStorage;

/** What the rest of content asks of the library: whether items exist, and what their current files are. */
@Component
public class MediaLibrary {

    private final MediaRepository repository;
    private final ObjectStorage storage;

    MediaLibrary(MediaRepository repository, ObjectStorage storage) {
        this.repository = repository;
        this.storage = storage;
    }

    public boolean exists(long id) {
        return repository.find(id).isPresent();
    }

    /** An image's public URL, for featured images and category pictures; null for private or missing items. */
    public record PublicImage(long id, String url, @org.jspecify.annotations.Nullable Integer width,
            @org.jspecify.annotations.Nullable Integer height, @org.jspecify.annotations.Nullable String altText) {
    }

    public List<PublicImage> publicImages(Collection<Long> ids) {
        return repository.findAll(ids).stream().filter(MediaItem::isPublic)
                .map(item -> new PublicImage(item.id(), storage.publicUrl(item.storageKey()).toString(), item.width(), item.height(),
                        item.altText()))
                .toList();
    }
}
