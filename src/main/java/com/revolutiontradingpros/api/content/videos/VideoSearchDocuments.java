package com.revolutiontradingpros.api.content.videos;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.content.ContentPaths;
import com.revolutiontradingpros.api.content.posts.PostSearchDocuments;

/** What search holds of a video (rule 33): published ones only, title and description, locked when gated. */
@Component
public class VideoSearchDocuments {

    private static final int SUMMARY_LENGTH = 300;

    private final VideoRepository videos;

    VideoSearchDocuments(VideoRepository videos) {
        this.videos = videos;
    }

    /** Empty when the video is not published. */
    public Optional<PostSearchDocuments.Document> of(long videoId) {
        return videos.find(videoId).filter(Video::published).map(video -> {
            String description = video.description() == null ? "" : video.description();
            String summary = description.length() <= SUMMARY_LENGTH ? description
                    : description.substring(0, description.lastIndexOf(' ', SUMMARY_LENGTH) > 0 ? description.lastIndexOf(' ', SUMMARY_LENGTH)
                            : SUMMARY_LENGTH) + "…";
            return new PostSearchDocuments.Document("video", video.id(), video.title(), summary, description, ContentPaths.video(video.slug()),
                    video.gated(), video.publishedAt());
        });
    }

    public List<Long> publishedIds() {
        return videos.publishedIds();
    }
}
