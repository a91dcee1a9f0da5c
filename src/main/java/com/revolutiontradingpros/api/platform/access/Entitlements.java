package com.revolutiontradingpros.api.platform.access;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What a person may read of gated content, answered by the commerce module (memberships, product grants,
 * bundles). Content and courses ask it; they never read commerce's tables.
 */
public interface Entitlements {

    /** An active membership or any active product grant. */
    boolean hasActiveMembership(long userId);

    /** At least one active paid membership. */
    boolean hasActivePaidMembership(long userId);

    /** Holds one of the products, directly or through a bundle. */
    boolean holdsAny(long userId, Collection<Long> productIds);

    /** The known products among the ids, for access blocks and validation; unknown ids are left out. */
    Map<Long, Product> products(Collection<Long> productIds);

    /** The product with this slug, for filters that accept a product's id or slug. */
    Optional<Product> productBySlug(String slug);

    record Product(long id, String slug, String name) {
    }
}
