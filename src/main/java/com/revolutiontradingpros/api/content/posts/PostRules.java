package com.revolutiontradingpros.api.content.posts;

import java.util.Set;

import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;

/** Who on the staff may see and change which post (rule 7). */
final class PostRules {

    static final Set<String> RESERVED_SLUGS = Set.of("authors", "stats", "export", "import", "bulk", "preview", "slug-suggestion");

    private PostRules() {
    }

    static boolean isEditor(CurrentUser caller) {
        return caller.has(Role.EDITOR);
    }

    /** Editors see everything; authors see published posts and every post they write. */
    static boolean canSee(CurrentUser caller, Post post, Links links) {
        return isEditor(caller) || links.authors().contains(caller.id()) || post.status().equals("published") && !post.trashed();
    }

    /** 404 for what the caller cannot see at all. */
    static void requireVisible(CurrentUser caller, Post post, Links links) {
        if (!canSee(caller, post, links)) {
            throw ApiException.notFound("post");
        }
    }

    /** Authors change their own posts while they are not live; anything else they can see is 403 editor_required. */
    static void requireEditable(CurrentUser caller, Post post, Links links) {
        requireVisible(caller, post, links);
        if (!isEditor(caller) && (!links.authors().contains(caller.id()) || post.live())) {
            throw editorRequired();
        }
    }

    static void requireEditor(CurrentUser caller, Post post, Links links) {
        requireVisible(caller, post, links);
        if (!isEditor(caller)) {
            throw editorRequired();
        }
    }

    static ApiException editorRequired() {
        return ApiException.forbidden("editor_required", "only editors may do this to this post");
    }

    static ApiException invalidTransition(Post post, String action) {
        return ApiException.conflict("invalid_transition",
                "cannot " + action + " a post that is " + (post.trashed() ? "trashed" : post.status()));
    }
}
