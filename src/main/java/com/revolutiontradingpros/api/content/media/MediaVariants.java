package com.revolutiontradingpros.api.content.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import com.revolutiontradingpros.api.platform.storage.ObjectStorage;

/**
 * Rule 21's variants, made by a background job: {@code thumb} 400×400 cut around the focal point, {@code sm} 640,
 * {@code md} 1280 and {@code lg} 1920 pixels wide when the original is wider, each in the original's format and as
 * WebP; a GIF gets a first-frame thumb only. A failure marks the item {@code failed}; its original stays usable.
 */
@Component
class MediaVariants {

    private static final Logger log = LoggerFactory.getLogger(MediaVariants.class);
    private static final int[] WIDTHS = {640, 1280, 1920};
    private static final String[] NAMES = {"sm", "md", "lg"};
    /** Replaced variants stay readable this long, for pages and CDNs still holding their URLs. */
    static final Duration OLD_OBJECTS_KEPT = Duration.ofHours(24);

    private final MediaRepository repository;
    private final MediaFiles files;
    private final ObjectStorage storage;
    private final TransactionTemplate transactions;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> task;
    private final Clock clock;

    MediaVariants(MediaRepository repository, MediaFiles files, ObjectStorage storage, TransactionTemplate transactions,
            SchedulerClient scheduler, OneTimeTask<Long> mediaVariantsTask, Clock clock) {
        this.repository = repository;
        this.files = files;
        this.storage = storage;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.task = mediaVariantsTask;
        this.clock = clock;
    }

    /** Queues the item's variants; called inside the transaction that stores the file, so both commit together. */
    void queue(long mediaId) {
        repository.setVariantsStatus(mediaId, "pending");
        // One job per request: a build already running for an older file cannot be rescheduled, and finds out at commit.
        scheduler.schedule(task.instance("media-" + mediaId + "-" + java.util.UUID.randomUUID(), mediaId), clock.instant());
    }

    void build(long mediaId) {
        var item = repository.find(mediaId).orElse(null);
        if (item == null || !item.isRaster()) {
            return;
        }
        var made = new ArrayList<MediaVariant>();
        try {
            BufferedImage image = Images.decode(files.read(item.storageKey()));
            String folder = item.storageKey().substring(0, item.storageKey().lastIndexOf('/') + 1);
            // A fresh suffix per build: variant URLs are cached as immutable, so a re-crop must get new ones.
            String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
            var type = item.type();
            boolean gif = type.mime().equals("image/gif");
            boolean webpOriginal = type.mime().equals("image/webp");
            var thumb = Images.cover(image, 400, item.focalX().doubleValue(), item.focalY().doubleValue());
            made.add(store(item.id(), folder + "thumb-" + suffix, "thumb", "original", thumb, type));
            if (!gif && !webpOriginal) {
                made.add(store(item.id(), folder + "thumb-" + suffix, "thumb", "webp", thumb, webp()));
            }
            for (int i = 0; i < WIDTHS.length && !gif; i++) {
                if (WIDTHS[i] >= image.getWidth()) {
                    break;
                }
                var scaled = Images.scaleToWidth(image, WIDTHS[i]);
                made.add(store(item.id(), folder + NAMES[i] + "-" + suffix, NAMES[i], "original", scaled, type));
                if (!webpOriginal) {
                    made.add(store(item.id(), folder + NAMES[i] + "-" + suffix, NAMES[i], "webp", scaled, webp()));
                }
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            log.warn("variants of media {} failed", mediaId, e);
            made.forEach(variant -> storage.delete(variant.storageKey()));
            transactions.executeWithoutResult(status -> repository.setVariantsStatus(mediaId, "failed"));
            return;
        }
        transactions.executeWithoutResult(status -> {
            var current = repository.findForUpdate(mediaId).orElse(null);
            if (current == null || current.fileVersion() != item.fileVersion() || !current.storageKey().equals(item.storageKey())) {
                // The file changed while these were made: its own job makes the right ones.
                made.forEach(variant -> storage.delete(variant.storageKey()));
                return;
            }
            var old = repository.variants(List.of(mediaId)).stream().map(MediaVariant::storageKey).toList();
            repository.deleteLater(old, clock.instant().plus(OLD_OBJECTS_KEPT));
            repository.replaceVariants(mediaId, made);
            repository.setVariantsStatus(mediaId, "ready");
        });
    }

    private MediaVariant store(long mediaId, String keyBase, String name, String format, BufferedImage image, FileType type) {
        byte[] bytes = Images.encode(image, type.mime());
        String key = keyBase + "." + type.extension();
        storage.put(key, new ByteArrayInputStream(bytes), bytes.length, type.mime());
        return new MediaVariant(mediaId, name, format, image.getWidth(), image.getHeight(), bytes.length, key);
    }

    private static FileType webp() {
        return new FileType("image/webp", "image", "webp");
    }
}
