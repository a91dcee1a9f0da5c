package com.revolutiontradingpros.api.content.posts;

import java.time.Clock;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.ratelimit.RateLimit;
import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.web.ApiException;

/** Row 6: whoever holds a preview link reads the post's latest saved state in full, whatever its status. */
@RestController
@Public
@Tag(name = "Posts")
class PreviewController {

    private final PreviewTokens previews;
    private final PostRepository posts;
    private final PostViews views;
    private final Clock clock;

    PreviewController(PreviewTokens previews, PostRepository posts, PostViews views, Clock clock) {
        this.previews = previews;
        this.posts = posts;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping("/posts/preview/{token}")
    @RateLimit(name = "post-preview", capacity = 120, period = "1m")
    @Operation(summary = "The post behind a preview link, in full; 404 unknown, 410 preview_expired when expired or revoked")
    ResponseEntity<PostViews.Detail> preview(@PathVariable String token) {
        if (token.length() > 100) {
            throw ApiException.notFound("preview");
        }
        var found = previews.use(token).orElseThrow(() -> ApiException.notFound("preview"));
        var post = posts.find(found.postId()).filter(p -> !p.trashed()).orElseThrow(() -> ApiException.notFound("preview"));
        if (found.revokedAt() != null || !found.expiresAt().isAfter(Instant.now(clock))) {
            throw ApiException.gone("preview_expired", "this preview link has expired or was revoked");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).header("X-Robots-Tag", "noindex, nofollow")
                .body(views.unlocked(post));
    }
}
