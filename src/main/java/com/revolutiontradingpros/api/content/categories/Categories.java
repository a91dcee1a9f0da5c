package com.revolutiontradingpros.api.content.categories;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.revolutiontradingpros.api.platform.text.Slugs;

/** What the rest of the content module asks about categories: existence, names, descendants, counts. */
@Service
public class Categories {

    private final CategoryRepository repository;

    Categories(CategoryRepository repository) {
        this.repository = repository;
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

    public void recount(Collection<Long> ids) {
        repository.recount(ids);
    }

    static Optional<Category> resolve(String idOrSlug, CategoryTree tree) {
        return Slugs.asId(idOrSlug).map(tree::get)
                .or(() -> tree.all().stream().filter(c -> c.slug().equals(idOrSlug)).findFirst());
    }
}
