package com.revolutiontradingpros.api.content.categories;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import com.revolutiontradingpros.api.platform.text.Slugs;

/** What the rest of the content module asks about categories: existence, names, descendants, counts. */
@Service
public class Categories {

    private final CategoryRepository repository;
    private final CategoryService service;

    Categories(CategoryRepository repository, CategoryService service) {
        this.repository = repository;
        this.service = service;
    }

    public record Ref(long id, String name, String slug) {
    }

    /** The ids among these that name no category. */
    public List<Long> unknown(Collection<Long> ids) {
        var known = new HashSet<>(repository.existing(ids));
        return ids.stream().filter(id -> !known.contains(id)).distinct().toList();
    }

    /** The category an id or slug names, with every category below it. */
    public Optional<List<Long>> withDescendants(String idOrSlug) {
        var tree = new CategoryTree(repository.all());
        return resolve(idOrSlug, tree).map(category -> tree.subtree(category.id()));
    }

    public Optional<Ref> find(String idOrSlug) {
        return resolve(idOrSlug, new CategoryTree(repository.all())).map(c -> new Ref(c.id(), c.name(), c.slug()));
    }

    public Map<Long, Ref> refs(Collection<Long> ids) {
        var wanted = new HashSet<>(ids);
        return repository.all().stream().filter(c -> wanted.contains(c.id()))
                .collect(Collectors.toMap(Category::id, c -> new Ref(c.id(), c.name(), c.slug())));
    }

    /** Each category's path from the root down to itself, for the categories among the ids that exist. */
    public Map<Long, List<Ref>> paths(Collection<Long> ids) {
        var tree = new CategoryTree(repository.all());
        return ids.stream().distinct().filter(id -> tree.get(id) != null).collect(Collectors.toMap(id -> id,
                id -> tree.path(id).stream().map(c -> new Ref(c.id(), c.name(), c.slug())).toList()));
    }

    /**
     * The category with this slug, created with the name when there is none (imports). The parent is used when it
     * leaves room within the depth limit; an unusable slug gives way to one made from the name.
     */
    public long ensure(String slug, String name, @Nullable Long parentId) {
        var tree = new CategoryTree(repository.all());
        var existing = resolve(slug, tree);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        String shortName = name.strip().length() > 80 ? name.strip().substring(0, 80) : name.strip();
        Long parent = parentId != null && tree.get(parentId) != null && tree.path(parentId).size() < CategoryTree.MAX_DEPTH ? parentId : null;
        return service.create(new CategoryService.Draft(shortName.isEmpty() ? slug : shortName,
                Slugs.isValid(slug) && slug.length() <= Slugs.MAX_LENGTH ? slug : null, null, parent, null, null));
    }

    public void recount(Collection<Long> ids) {
        repository.recount(ids);
    }

    static Optional<Category> resolve(String idOrSlug, CategoryTree tree) {
        return Slugs.asId(idOrSlug).map(tree::get)
                .or(() -> tree.all().stream().filter(c -> c.slug().equals(idOrSlug)).findFirst());
    }
}
