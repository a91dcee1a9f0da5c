package com.revolutiontradingpros.api.content.posts;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.content.media.MediaLibrary;
import com.revolutiontradingpros.api.content.media.MediaOwners;
import com.revolutiontradingpros.api.content.usages.AssetUsages;
import com.revolutiontradingpros.api.content.videos.VideoLibrary;
import com.revolutiontradingpros.api.platform.security.CurrentUser;

/**
 * Rule 24 for posts: the featured image and the {@code data-media-id} images of the body are recorded as usages in
 * the transaction of the save, so a used item cannot be deleted; and rule 22's check that a member reads a post in
 * full before getting a private item's URL. Pages count as posts here.
 */
@Component
class PostMedia implements MediaOwners {

    private final AssetUsages usages;
    private final PostRepository posts;
    private final PostAccess access;

    PostMedia(AssetUsages usages, PostRepository posts, PostAccess access) {
        this.usages = usages;
        this.posts = posts;
        this.access = access;
    }

    void track(Post post) {
        String adminUrl = "/admin/posts/" + post.id();
        usages.set(AssetUsages.MEDIA, "content", "post", post.id(), "featured_media_id",
                post.featuredMediaId() == null ? List.of() : List.of(post.featuredMediaId()), post.title(), adminUrl);
        usages.set(AssetUsages.MEDIA, "content", "post", post.id(), "body_html", MediaLibrary.referencedIds(post.bodyHtml()), post.title(),
                adminUrl);
        usages.set(AssetUsages.VIDEO, "content", "post", post.id(), "body_html", VideoLibrary.referencedIds(post.bodyHtml()), post.title(),
                adminUrl);
    }

    void forget(Post post) {
        usages.removeOwner("content", "post", post.id());
    }

    @Override
    public String ownerType() {
        return "post";
    }

    @Override
    public boolean canReadInFull(long ownerId, CurrentUser caller) {
        return posts.find(ownerId).filter(post -> post.status().equals("published") && !post.trashed())
                .map(post -> access.canRead(Optional.of(caller), post, posts.links(ownerId))).orElse(false);
    }
}
