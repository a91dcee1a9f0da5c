package com.revolutiontradingpros.api.content.posts;

import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.content.access.AccessLevels;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Role;

/** Rule 8: who reads a gated post in full. Editors and the post's own authors always do. */
@Component
class PostAccess {

    private final AccessLevels levels;

    PostAccess(AccessLevels levels) {
        this.levels = levels;
    }

    boolean canRead(Optional<CurrentUser> caller, Post post, Links links) {
        return levels.allows(caller, post.visibility(), links.products(), insider(links));
    }

    AccessLevels.Block block(Post post, Links links, boolean access) {
        return levels.block(post.visibility(), links.products(), access);
    }

    private static Predicate<CurrentUser> insider(Links links) {
        return user -> user.has(Role.EDITOR) || links.authors().contains(user.id());
    }
}
