package com.revolutiontradingpros.api.content.videos;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.content.access.AccessLevels;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.text.Slugs;
import com.revolutiontradingpros.api.platform.web.ApiException;

/** Who sees a video (published ones, or any for editors) and who watches it (rule 8), with the answers of row 82. */
@Component
class VideoGate {

    private final VideoRepository videos;
    private final VideoViews views;
    private final AccessLevels access;

    VideoGate(VideoRepository videos, VideoViews views, AccessLevels access) {
        this.videos = videos;
        this.views = views;
        this.access = access;
    }

    /** A published video, or any video for editors; everything else is 404. */
    Video readable(String idOrSlug, Optional<CurrentUser> caller) {
        var video = Slugs.asId(idOrSlug).flatMap(videos::find).or(() -> videos.findBySlug(idOrSlug))
                .orElseThrow(() -> ApiException.notFound("video"));
        if (!video.published() && !caller.map(VideoViews.EDITORS::test).orElse(false)) {
            throw ApiException.notFound("video");
        }
        return video;
    }

    /**
     * A video the caller may watch: gated ones are 401 auth_required for anonymous callers and 403 access_denied
     * naming the products that would open them ({@code required_products}) for the rest.
     */
    Video watchable(String idOrSlug, Optional<CurrentUser> caller) {
        var video = readable(idOrSlug, caller);
        var products = videos.products(video.id());
        if (!access.allows(caller, video.access(), products, VideoViews.EDITORS)) {
            if (caller.isEmpty()) {
                throw ApiException.unauthorized("auth_required", "sign in to watch this video");
            }
            var required = views.products(products);
            throw ApiException.accessDenied(video.access().equals("members") ? "this video is for members"
                    : products.isEmpty() ? "this video is for paying members" : "this video is for holders of one of the required products",
                    products.stream().map(required::get).toList());
        }
        return video;
    }

    /** The ids of the videos among these that the caller may watch, with their products read in one query. */
    Set<Long> watchableBy(CurrentUser caller, Collection<Video> candidates) {
        var products = videos.products(candidates.stream().map(Video::id).toList());
        return candidates.stream().filter(video -> access.allows(Optional.of(caller), video.access(),
                products.getOrDefault(video.id(), List.of()), VideoViews.EDITORS)).map(Video::id).collect(Collectors.toSet());
    }
}
