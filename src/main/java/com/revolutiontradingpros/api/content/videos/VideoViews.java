package com.revolutiontradingpros.api.content.videos;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.content.access.AccessLevels;
import com.revolutiontradingpros.api.content.media.MediaLibrary;
import com.revolutiontradingpros.api.platform.access.Entitlements;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.users.PublicProfiles;

/** The shapes of video answers (rows 70–72), built in batches so a page of 100 costs a handful of queries. */
@Component
class VideoViews {

    static final Predicate<CurrentUser> EDITORS = user -> user.has(Role.EDITOR);

    private final VideoRepository videos;
    private final CaptionRepository captions;
    private final MediaLibrary media;
    private final AccessLevels access;
    private final Entitlements entitlements;
    private final PublicProfiles profiles;

    VideoViews(VideoRepository videos, CaptionRepository captions, MediaLibrary media, AccessLevels access, Entitlements entitlements,
            PublicProfiles profiles) {
        this.videos = videos;
        this.captions = captions;
        this.media = media;
        this.access = access;
        this.entitlements = entitlements;
        this.profiles = profiles;
    }

    record ProductRef(long id, @Nullable String slug, @Nullable String name) {
    }

    @Schema(name = "VideoSummary")
    record Summary(long id, String title, String slug, String kind, String status, String processingStatus,
            @Nullable Integer durationSeconds, MediaLibrary.@Nullable Image thumbnail, String access, boolean locked, @Nullable ProductRef room,
            @Nullable LocalDate recordedOn, @Nullable String sessionLabel, @Nullable Instant publishedAt, long viewCount) {
    }

    record CaptionTrack(String lang, String label, boolean isDefault) {
    }

    /** What only editors see: where the file is and how processing went. */
    record EditorView(String source, @Nullable String sourceUrl, @Nullable String embedProvider, @Nullable String embedId,
            @Nullable String mimeType, @Nullable Long sizeBytes, @Nullable String codec, @Nullable String processingError,
            @Nullable Long thumbnailMediaId, long createdBy, Instant createdAt, Instant updatedAt, int version) {
    }

    @Schema(name = "VideoDetail")
    record Detail(long id, String title, String slug, @Nullable String description, String kind, String status, String processingStatus,
            @Nullable Integer durationSeconds, @Nullable Integer width, @Nullable Integer height, MediaLibrary.@Nullable Image thumbnail,
            List<VideoRepository.Chapter> chapters, List<CaptionTrack> captions, @Nullable ProductRef room, @Nullable LocalDate recordedOn,
            @Nullable String sessionLabel, PublicProfiles.@Nullable PublicProfile presenter, @Nullable Instant publishedAt, long viewCount,
            AccessLevels.Block access, @Schema(description = "editors only") @Nullable EditorView editor) {
    }

    List<Summary> summaries(List<Video> rows, Optional<CurrentUser> caller) {
        var ids = rows.stream().map(Video::id).toList();
        var products = videos.products(ids);
        var thumbnails = thumbnails(rows);
        var rooms = products(rows.stream().map(Video::roomProductId).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        var result = new ArrayList<Summary>(rows.size());
        for (var video : rows) {
            boolean locked = !access.allows(caller, video.access(), products.getOrDefault(video.id(), List.of()), EDITORS);
            result.add(new Summary(video.id(), video.title(), video.slug(), video.kind(), video.status(), video.processingStatus(),
                    video.durationSeconds(), thumbnails.get(video.id()), video.access(), locked,
                    video.roomProductId() == null ? null : rooms.get(video.roomProductId()), video.recordedOn(), video.sessionLabel(),
                    video.publishedAt(), video.viewCount()));
        }
        return result;
    }

    Detail detail(Video video, Optional<CurrentUser> caller) {
        var products = videos.products(video.id());
        var thumbnail = thumbnails(List.of(video)).get(video.id());
        var presenter = video.presenterUserId() == null ? null : profiles.find(List.of(video.presenterUserId())).get(video.presenterUserId());
        var room = video.roomProductId() == null ? null : products(Set.of(video.roomProductId())).get(video.roomProductId());
        boolean staff = caller.map(EDITORS::test).orElse(false);
        var editorView = staff ? new EditorView(video.source(), video.sourceUrl(), video.embedProvider(), video.embedId(), video.mimeType(),
                video.sizeBytes(), video.codec(), video.processingError(), video.thumbnailMediaId(), video.createdBy(), video.createdAt(),
                video.updatedAt(), video.version()) : null;
        var tracks = captions.list(video.id()).stream().map(t -> new CaptionTrack(t.lang(), t.label(), t.isDefault())).toList();
        return new Detail(video.id(), video.title(), video.slug(), video.description(), video.kind(), video.status(), video.processingStatus(),
                video.durationSeconds(), video.width(), video.height(), thumbnail, videos.chapters(video.id()), tracks, room, video.recordedOn(),
                video.sessionLabel(), presenter, video.publishedAt(), video.viewCount(), access.block(caller, video.access(), products, EDITORS),
                editorView);
    }

    /** The posters of these videos, by video id; private or missing images give none. */
    Map<Long, MediaLibrary.Image> thumbnails(Collection<Video> rows) {
        var images = media.publicImages(rows.stream().map(Video::thumbnailMediaId).filter(java.util.Objects::nonNull).toList());
        var byVideo = new java.util.HashMap<Long, MediaLibrary.Image>();
        rows.stream().filter(video -> images.containsKey(video.thumbnailMediaId()))
                .forEach(video -> byVideo.put(video.id(), images.get(video.thumbnailMediaId())));
        return byVideo;
    }

    /** Rooms are products of the commerce module; an id it does not know shows without slug and name. */
    Map<Long, ProductRef> products(Collection<Long> productIds) {
        var known = productIds.isEmpty() ? Map.<Long, Entitlements.Product>of() : entitlements.products(productIds);
        return productIds.stream().collect(Collectors.toMap(id -> id, id -> {
            var product = known.get(id);
            return new ProductRef(id, product == null ? null : product.slug(), product == null ? null : product.name());
        }));
    }
}
