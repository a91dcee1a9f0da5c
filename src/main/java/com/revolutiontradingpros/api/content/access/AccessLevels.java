package com.revolutiontradingpros.api.content.access;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.platform.access.Entitlements;
import com.revolutiontradingpros.api.platform.security.CurrentUser;

/**
 * Rule 8 for posts and videos: {@code public} is everyone's; {@code members} needs an active membership or grant;
 * {@code paid} needs a paid membership, or one of the listed products when there are any. Insiders (editors, a post's
 * authors) always get in; the entitlements come from the commerce module's port.
 */
@Component
public class AccessLevels {

    private final Entitlements entitlements;

    AccessLevels(Entitlements entitlements) {
        this.entitlements = entitlements;
    }

    /** The access block of a detail answer; {@code required} is null for public content. */
    public record Block(@Nullable String required, List<Long> productIds, List<Entitlements.Product> products, boolean locked,
            boolean hasAccess) {
    }

    public boolean allows(Optional<CurrentUser> caller, String level, List<Long> productIds, Predicate<CurrentUser> insider) {
        if (level.equals("public")) {
            return true;
        }
        if (caller.isEmpty()) {
            return false;
        }
        var user = caller.get();
        if (insider.test(user)) {
            return true;
        }
        return switch (level) {
            case "members" -> entitlements.hasActiveMembership(user.id());
            case "paid" -> productIds.isEmpty() ? entitlements.hasActivePaidMembership(user.id()) : entitlements.holdsAny(user.id(), productIds);
            default -> false;
        };
    }

    public Block block(Optional<CurrentUser> caller, String level, List<Long> productIds, Predicate<CurrentUser> insider) {
        return block(level, productIds, allows(caller, level, productIds, insider));
    }

    /** The block of a reader who has access, or who has not: what cached copies for either kind of reader show. */
    public Block block(String level, List<Long> productIds, boolean access) {
        if (level.equals("public")) {
            return new Block(null, List.of(), List.of(), false, true);
        }
        return new Block(level, productIds, products(productIds), !access, access);
    }

    /** The known products among these ids, for access blocks and access_denied answers. */
    public List<Entitlements.Product> products(List<Long> productIds) {
        return productIds.isEmpty() ? List.of() : List.copyOf(entitlements.products(productIds).values());
    }
}
