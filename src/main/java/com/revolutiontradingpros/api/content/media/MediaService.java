package com.revolutiontradingpros.api.content.media;

import java.awt.Rectangle;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.revolutiontradingpros.api.content.MediaDeleted;
import com.revolutiontradingpros.api.content.MediaReplaced;
import com.revolutiontradingpros.api.content.cache.PublicContentChanged;
import com.revolutiontradingpros.api.content.usages.AssetUsages;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.storage.ObjectStorage;
import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * The library's changes. Files go to the store before the row is written (a failed insert deletes them again);
 * replaced objects stay readable for 24 h, while a visibility change removes the old public object at once.
 */
@Service
class MediaService {

    private final MediaRepository repository;
    private final FolderRepository folders;
    private final MediaFiles files;
    private final MediaVariants variants;
    private final AssetUsages usages;
    private final ObjectStorage storage;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MediaService(MediaRepository repository, FolderRepository folders, MediaFiles files, MediaVariants variants, AssetUsages usages,
            ObjectStorage storage, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.folders = folders;
        this.files = files;
        this.variants = variants;
        this.usages = usages;
        this.storage = storage;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    record Details(@Nullable String altText, @Nullable String title, @Nullable String caption, @Nullable Long folderId, String visibility) {
    }

    long create(MediaFiles.Source source, String filename, Details details, long caller) {
        requireFolder(details.folderId());
        var stored = files.store(source, filename, 1);
        return insert(stored, details, caller);
    }

    /** Inserts the row for a file already stored; the file is deleted again when the insert fails. */
    long insert(StoredFile stored, Details details, long caller) {
        try {
            Long id = transactions.execute(status -> {
                long created = repository.insert(stored, details.altText(), details.title(), details.caption(), details.folderId(),
                        details.visibility(), caller);
                if (stored.type().isRaster()) {
                    variants.queue(created);
                }
                return created;
            });
            return java.util.Objects.requireNonNull(id);
        } catch (RuntimeException e) {
            storage.delete(stored.storageKey());
            throw e;
        }
    }

    record Change(@Nullable String altText, boolean clearAlt, @Nullable String title, boolean clearTitle, @Nullable String caption,
            boolean clearCaption, @Nullable Long folderId, boolean toRoot, @Nullable String visibility, @Nullable BigDecimal focalX,
            @Nullable BigDecimal focalY) {
    }

    void update(MediaItem item, Change change, CurrentUser caller) {
        requireOwnerOrEditor(item, caller);
        if (change.folderId() != null) {
            requireFolder(change.folderId());
        }
        boolean moves = change.visibility() != null && !change.visibility().equals(item.visibility());
        StoredFile moved = moves ? files.copy(item, item.fileVersion()) : null;
        boolean recrop = change.focalX() != null && change.focalX().compareTo(item.focalX()) != 0
                || change.focalY() != null && change.focalY().compareTo(item.focalY()) != 0;
        var old = new ArrayList<String>();
        try {
            transactions.executeWithoutResult(status -> {
                var current = repository.findForUpdate(item.id()).orElseThrow(() -> ApiException.notFound("media"));
                if (current.version() != item.version()) {
                    throw ApiException.preconditionFailed();
                }
                repository.updateDetails(item.id(), pick(change.altText(), change.clearAlt(), item.altText()),
                        pick(change.title(), change.clearTitle(), item.title()), pick(change.caption(), change.clearCaption(), item.caption()),
                        change.toRoot() ? null : change.folderId() != null ? change.folderId() : item.folderId(),
                        change.focalX() != null ? change.focalX() : item.focalX(), change.focalY() != null ? change.focalY() : item.focalY());
                if (moved != null) {
                    repository.replaceFile(item.id(), moved, change.visibility(), item.fileVersion());
                    old.add(item.storageKey());
                    repository.variants(List.of(item.id())).forEach(variant -> old.add(variant.storageKey()));
                    repository.deleteLater(old, clock.instant());
                    repository.replaceVariants(item.id(), List.of());
                }
                if ((moved != null || recrop) && item.isRaster()) {
                    variants.queue(item.id());
                }
                events.publishEvent(new PublicContentChanged());
            });
        } catch (RuntimeException e) {
            if (moved != null) {
                storage.delete(moved.storageKey());
            }
            throw e;
        }
        // A public copy must stop answering at once when the item turns private.
        purge(old);
    }

    /** Row 57: a new file of the same kind; id, texts and usages stay, file_version grows, the old objects go in 24 h. */
    void replace(MediaItem item, MediaFiles.Source source, String filename, CurrentUser caller) {
        requireOwnerOrEditor(item, caller);
        var stored = files.store(source, filename, item.fileVersion() + 1);
        swapFile(item, stored);
    }

    void swapFile(MediaItem item, StoredFile stored) {
        if (!stored.type().kind().equals(item.kind())) {
            storage.delete(stored.storageKey());
            throw ApiException.unprocessable("kind_mismatch", "file", "must be a " + item.kind() + " like the file it replaces");
        }
        try {
            transactions.executeWithoutResult(status -> {
                var current = repository.findForUpdate(item.id()).orElseThrow(() -> ApiException.notFound("media"));
                var old = new ArrayList<String>(List.of(current.storageKey()));
                repository.variants(List.of(item.id())).forEach(variant -> old.add(variant.storageKey()));
                repository.deleteLater(old, clock.instant().plus(MediaVariants.OLD_OBJECTS_KEPT));
                repository.replaceVariants(item.id(), List.of());
                repository.replaceFile(item.id(), stored, current.visibility(), current.fileVersion() + 1);
                if (stored.type().isRaster()) {
                    variants.queue(item.id());
                }
                events.publishEvent(new MediaReplaced(item.id(), current.fileVersion() + 1));
                events.publishEvent(new PublicContentChanged());
            });
        } catch (RuntimeException e) {
            storage.delete(stored.storageKey());
            throw e;
        }
    }

    record Edit(@Nullable Rectangle crop, int rotate, boolean flipHorizontal, boolean flipVertical, boolean copy) {
    }

    /** Row 58: crop, rotate and flip a raster image, replacing it or saving a copy; returns the id of the result. */
    long edit(MediaItem item, Edit edit, CurrentUser caller) {
        if (!item.isRaster()) {
            throw ApiException.unprocessable("not_editable", "file", "only JPEG, PNG, GIF and WebP images can be edited");
        }
        if (!edit.copy()) {
            requireOwnerOrEditor(item, caller);
        }
        var crop = edit.crop();
        if (crop != null && (item.width() == null || item.height() == null || crop.x + crop.width > item.width()
                || crop.y + crop.height > item.height())) {
            throw ApiException.invalid("crop", "must lie within the image's " + item.width() + "×" + item.height() + " pixels");
        }
        var image = Images.edit(Images.decode(files.read(item.storageKey())), crop, edit.rotate(), edit.flipHorizontal(), edit.flipVertical());
        var type = item.type();
        if (edit.copy()) {
            var stored = files.store(image, type, item.originalFilename(), 1);
            return insert(stored, new Details(item.altText(), item.title(), item.caption(), item.folderId(), item.visibility()), caller.id());
        }
        swapFile(item, files.store(image, type, item.originalFilename(), item.fileVersion() + 1));
        return item.id();
    }

    /** Row 59: refused while in use unless an admin forces it; owners hear MediaDeleted and drop their references. */
    void delete(MediaItem item, boolean force, CurrentUser caller) {
        var keys = new ArrayList<String>();
        transactions.executeWithoutResult(status -> {
            var current = repository.findForUpdate(item.id()).orElseThrow(() -> ApiException.notFound("media"));
            var uses = usages.of(AssetUsages.MEDIA, item.id());
            if (!uses.isEmpty() && !(force && caller.has(Role.ADMIN))) {
                throw ApiException.inUse("media_in_use", "the item is used in " + uses.size() + " place(s); remove it there first"
                        + (caller.has(Role.ADMIN) ? " or delete with ?force=true" : ""), uses);
            }
            keys.add(current.storageKey());
            repository.variants(List.of(item.id())).forEach(variant -> keys.add(variant.storageKey()));
            repository.deleteLater(keys, clock.instant());
            usages.removeAsset(AssetUsages.MEDIA, item.id());
            repository.delete(item.id());
            events.publishEvent(new MediaDeleted(item.id()));
            events.publishEvent(new PublicContentChanged());
        });
        purge(keys);
    }

    /** Deletes objects now; what fails stays in media_object_deletions for the cleanup job. */
    void purge(List<String> keys) {
        for (String key : keys) {
            try {
                storage.delete(key);
                repository.deletionDone(key);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(MediaService.class).warn("deleting {} failed; the cleanup job retries", key, e);
            }
        }
    }

    void moveToFolder(MediaItem item, @Nullable Long folderId) {
        requireFolder(folderId);
        repository.moveToFolder(item.id(), folderId);
    }

    void regenerate(MediaItem item) {
        if (!item.isRaster()) {
            throw ApiException.unprocessable("not_editable", "file", "only JPEG, PNG, GIF and WebP images have variants");
        }
        transactions.executeWithoutResult(status -> variants.queue(item.id()));
    }

    static void requireOwnerOrEditor(MediaItem item, CurrentUser caller) {
        if (item.uploadedBy() != caller.id() && !caller.has(Role.EDITOR)) {
            throw ApiException.forbidden("editor_required", "authors may change only the files they uploaded");
        }
    }

    private void requireFolder(@Nullable Long folderId) {
        if (folderId != null && folders.find(folderId).isEmpty()) {
            throw ApiException.invalid("folder_id", "is not a folder");
        }
    }

    private static @Nullable String pick(@Nullable String value, boolean clear, @Nullable String current) {
        return clear ? null : value != null ? value : current;
    }
}
