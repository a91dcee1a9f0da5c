package com.revolutiontradingpros.api.content.categories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** All categories as a tree, for depth and cycle checks, breadcrumbs, descendants and total counts. */
final class CategoryTree {

    static final int MAX_DEPTH = 3;

    private final Map<Long, Category> byId = new LinkedHashMap<>();
    private final Map<@Nullable Long, List<Category>> children = new HashMap<>();

    CategoryTree(List<Category> sortedSiblingsFirst) {
        for (Category category : sortedSiblingsFirst) {
            byId.put(category.id(), category);
            children.computeIfAbsent(category.parentId(), key -> new ArrayList<>()).add(category);
        }
    }

    @Nullable Category get(long id) {
        return byId.get(id);
    }

    List<Category> all() {
        return List.copyOf(byId.values());
    }

    List<Category> childrenOf(@Nullable Long id) {
        return children.getOrDefault(id, List.of());
    }

    /** Root first, the category itself last. */
    List<Category> path(long id) {
        var path = new ArrayList<Category>();
        for (Category at = byId.get(id); at != null; at = at.parentId() == null ? null : byId.get(at.parentId())) {
            path.addFirst(at);
            if (path.size() > byId.size()) {
                break;
            }
        }
        return path;
    }

    /** The category and every category below it. */
    List<Long> subtree(long id) {
        var ids = new ArrayList<Long>();
        var pending = new ArrayList<Long>(List.of(id));
        while (!pending.isEmpty()) {
            long next = pending.removeLast();
            ids.add(next);
            childrenOf(next).forEach(child -> pending.add(child.id()));
        }
        return ids;
    }

    /** Levels from the category down to its deepest descendant: 1 for a leaf. */
    int height(long id) {
        int deepest = 0;
        for (Category child : childrenOf(id)) {
            deepest = Math.max(deepest, height(child.id()));
        }
        return deepest + 1;
    }

    int totalPostCount(long id) {
        return subtree(id).stream().map(byId::get).filter(Objects::nonNull).mapToInt(Category::postCount).sum();
    }

    /** Why a category cannot sit under the parent (null when it can): a cycle or too many levels. */
    @Nullable String moveProblem(long id, @Nullable Long parentId) {
        if (parentId == null) {
            return height(id) > MAX_DEPTH ? "depth_exceeded" : null;
        }
        if (subtree(id).contains(parentId)) {
            return "category_cycle";
        }
        return path(parentId).size() + height(id) > MAX_DEPTH ? "depth_exceeded" : null;
    }
}
