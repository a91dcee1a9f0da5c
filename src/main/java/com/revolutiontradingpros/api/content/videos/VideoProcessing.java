package com.revolutiontradingpros.api.content.videos;

import java.time.Clock;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.revolutiontradingpros.api.content.cache.PublicContentChanged;

import com.revolutiontradingpros.api.platform.storage.ObjectStorage;

/**
 * Rule 26: a stored file's duration, size and codec are read from its container header by a db-scheduler job, on
 * whichever node picks it up; the job works on the file the video had when it was queued and leaves a newer one alone.
 */
@Component
class VideoProcessing {

    private static final Logger log = LoggerFactory.getLogger(VideoProcessing.class);

    private final VideoRepository videos;
    private final ObjectStorage storage;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> videoMetadataTask;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    VideoProcessing(VideoRepository videos, ObjectStorage storage, SchedulerClient scheduler, OneTimeTask<Long> videoMetadataTask,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.transactions = transactions;
        this.videos = videos;
        this.storage = storage;
        this.scheduler = scheduler;
        this.videoMetadataTask = videoMetadataTask;
        this.events = events;
        this.clock = clock;
    }

    /** Queues the job in the caller's transaction, so it runs only if the video's new file commits. */
    void queue(long videoId) {
        scheduler.schedule(videoMetadataTask.instance("video-" + videoId + "-" + UUID.randomUUID(), videoId), clock.instant());
    }

    void process(long videoId) {
        var video = videos.find(videoId).orElse(null);
        if (video == null || !video.stored() || video.storageKey() == null || !videos.startProcessing(videoId, video.storageKey())) {
            return;
        }
        String key = video.storageKey();
        ContainerHeaders.Metadata metadata = null;
        String error = "the file is missing from storage";
        var stored = storage.stat(key).orElse(null);
        if (stored != null) {
            try {
                metadata = ContainerHeaders.read(video.mimeType() == null ? "video/mp4" : video.mimeType(), stored.size(),
                        (offset, length) -> storage.range(key, offset, length).orElse(new byte[0]));
            } catch (ContainerHeaders.Unreadable e) {
                log.info("video {} is unreadable: {}", videoId, e.getMessage());
                error = e.getMessage();
            }
        }
        var result = metadata;
        var failure = error;
        transactions.executeWithoutResult(status -> {
            if (result != null) {
                videos.processed(videoId, key, result);
            } else {
                videos.failed(videoId, key, failure);
            }
            events.publishEvent(new VideoChanged(videoId));
            events.publishEvent(new PublicContentChanged());
        });
    }
}
