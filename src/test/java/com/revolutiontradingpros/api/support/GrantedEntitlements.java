package com.revolutiontradingpros.api.support;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.platform.access.Entitlements;

/**
 * The commerce module's side of the access port, for tests until that module exists: tests register products and
 * grant them to users, as an admin would through the members module's grant endpoints. Every signed-in user counts
 * as a member (as in the role-based stand-in); holding any product counts as a paid membership.
 */
@Component
@Primary
public class GrantedEntitlements implements Entitlements {

    private static final AtomicLong NEXT_PRODUCT = new AtomicLong(900_000);
    private static final Map<Long, Product> PRODUCTS = new ConcurrentHashMap<>();
    private static final Map<Long, Set<Long>> GRANTS = new ConcurrentHashMap<>();

    /** A new product known to the port, as commerce would list it. */
    public static Product product(String name) {
        long id = NEXT_PRODUCT.incrementAndGet();
        var product = new Product(id, name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + id, name);
        PRODUCTS.put(id, product);
        return product;
    }

    public static void grant(long userId, long productId) {
        GRANTS.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(productId);
    }

    public static void revoke(long userId, long productId) {
        GRANTS.getOrDefault(userId, Set.of()).remove(productId);
    }

    @Override
    public boolean hasActiveMembership(long userId) {
        return true;
    }

    @Override
    public boolean hasActivePaidMembership(long userId) {
        return !GRANTS.getOrDefault(userId, Set.of()).isEmpty();
    }

    @Override
    public boolean holdsAny(long userId, Collection<Long> productIds) {
        var held = GRANTS.getOrDefault(userId, Set.of());
        return productIds.stream().anyMatch(held::contains);
    }

    @Override
    public Map<Long, Product> products(Collection<Long> productIds) {
        return productIds.stream().filter(PRODUCTS::containsKey).distinct().collect(Collectors.toMap(id -> id, PRODUCTS::get));
    }

    @Override
    public Optional<Product> productBySlug(String slug) {
        return PRODUCTS.values().stream().filter(product -> product.slug().equals(slug)).findFirst();
    }
}
