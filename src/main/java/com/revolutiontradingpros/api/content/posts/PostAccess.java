package com.revolutiontradingpros.api.content.posts;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.platform.access.Entitlements;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Role;

/** Rule 8: who reads a gated post in full. Editors and the post's own authors always do. */
@Component
class PostAccess {

    private final Entitlements entitlements;

    PostAccess(Entitlements entitlements) {
        this.entitlements = entitlements;
    }

    record Block(@Nullable String required, List<Long> productIds, List<Entitlements.Product> products, boolean locked,
            boolean hasAccess) {
    }

    boolean canRead(Optional<CurrentUser> caller, Post post, Links links) {
        if (!post.gated()) {
            return true;
        }
        if (caller.isEmpty()) {
            return false;
        }
        var user = caller.get();
        if (user.has(Role.EDITOR) || links.authors().contains(user.id())) {
            return true;
        }
        return switch (post.visibility()) {
            case "members" -> entitlements.hasActiveMembership(user.id());
            case "paid" -> links.products().isEmpty() ? entitlements.hasActivePaidMembership(user.id())
                    : entitlements.holdsAny(user.id(), links.products());
            default -> true;
        };
    }

    Block block(Optional<CurrentUser> caller, Post post, Links links) {
        boolean access = canRead(caller, post, links);
        if (!post.gated()) {
            return new Block(null, List.of(), List.of(), false, true);
        }
        var products = links.products().isEmpty() ? List.<Entitlements.Product>of()
                : List.copyOf(entitlements.products(links.products()).values());
        return new Block(post.visibility(), links.products(), products, !access, access);
    }
}
