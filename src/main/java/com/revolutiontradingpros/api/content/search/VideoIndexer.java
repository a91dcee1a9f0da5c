package com.revolutiontradingpros.api.content.search;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.content.VideoDeleted;
import com.revolutiontradingpros.api.content.videos.VideoChanged;
import com.revolutiontradingpros.api.content.videos.VideoSearchDocuments;

/** Keeps videos' search documents current from their events, after commit; the registry retries failures. */
@Component
class VideoIndexer {

    private final VideoSearchDocuments videos;
    private final SearchDocuments documents;

    VideoIndexer(VideoSearchDocuments videos, SearchDocuments documents) {
        this.videos = videos;
        this.documents = documents;
    }

    @ApplicationModuleListener
    void on(VideoChanged event) {
        documents.remove("video", event.id());
        videos.of(event.id()).ifPresent(documents::upsert);
    }

    @ApplicationModuleListener
    void on(VideoDeleted event) {
        documents.remove("video", event.id());
    }
}
