package com.revolutiontradingpros.api.content.access;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.platform.access.Entitlements;

/**
 * The entitlements answer until the commerce module implements the port (and this class is deleted): every
 * signed-in account holds the member role and counts as a member; nobody holds a paid membership or a product yet, so paid content is for
 * staff and its authors only, and no product id is known.
 */
@Component
class RoleBasedEntitlements implements Entitlements {

    @Override
    public boolean hasActiveMembership(long userId) {
        return true;
    }

    @Override
    public boolean hasActivePaidMembership(long userId) {
        return false;
    }

    @Override
    public boolean holdsAny(long userId, Collection<Long> productIds) {
        return false;
    }

    @Override
    public Map<Long, Product> products(Collection<Long> productIds) {
        return Map.of();
    }

    @Override
    public Optional<Product> productBySlug(String slug) {
        return Optional.empty();
    }
}
