package com.revolutiontradingpros.api.content.categories;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.content.CategorySlugChanged;
import com.revolutiontradingpros.api.content.ContentPaths;
import com.revolutiontradingpros.api.content.media.MediaLibrary;
import com.revolutiontradingpros.api.content.usages.AssetUsages;
import com.revolutiontradingpros.api.content.cache.PublicContentChanged;
import com.revolutiontradingpros.api.platform.text.Slugs;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

@Service
class CategoryService {

    private final CategoryRepository repository;
    private final MediaLibrary media;
    private final AssetUsages usages;
    private final ApplicationEventPublisher events;

    CategoryService(CategoryRepository repository, MediaLibrary media, AssetUsages usages, ApplicationEventPublisher events) {
        this.repository = repository;
        this.media = media;
        this.usages = usages;
        this.events = events;
    }

    /** Rule 24: the category's image is a usage of that media item. */
    private void trackImage(long id, String name, @Nullable Long imageMediaId) {
        if (imageMediaId != null && !media.exists(imageMediaId)) {
            throw ApiException.invalid("image_media_id", "is not a media item");
        }
        usages.set(AssetUsages.MEDIA, "content", "category", id, "image_media_id",
                imageMediaId == null ? List.of() : List.of(imageMediaId), name, "/admin/categories/" + id);
    }

    record Draft(String name, @Nullable String slug, @Nullable String description, @Nullable Long parentId, @Nullable Long imageMediaId,
            @Nullable Integer position) {
    }

    @Transactional
    long create(Draft draft) {
        var tree = new CategoryTree(repository.all());
        if (draft.parentId() != null) {
            if (tree.get(draft.parentId()) == null) {
                throw ApiException.invalid("parent_id", "is not a category");
            }
            if (tree.path(draft.parentId()).size() >= CategoryTree.MAX_DEPTH) {
                throw ApiException.unprocessable("depth_exceeded", "parent_id", "would put the category deeper than 3 levels");
            }
        }
        String slug = slugFor(draft.slug(), draft.name(), 0);
        int position = draft.position() != null ? draft.position() : repository.nextPosition(draft.parentId());
        long id = repository.insert(draft.name().strip(), slug, draft.description(), draft.parentId(), position, draft.imageMediaId());
        trackImage(id, draft.name().strip(), draft.imageMediaId());
        events.publishEvent(new PublicContentChanged());
        return id;
    }

    record Change(@Nullable String name, @Nullable String slug, @Nullable String description, boolean clearDescription,
            @Nullable Long parentId, boolean moveToRoot, @Nullable Long imageMediaId, boolean clearImage, @Nullable Integer position) {
    }

    @Transactional
    Category update(Category current, Change change) {
        var tree = new CategoryTree(repository.all());
        @Nullable Long parent = current.parentId();
        if (change.moveToRoot()) {
            parent = null;
        } else if (change.parentId() != null) {
            if (tree.get(change.parentId()) == null) {
                throw ApiException.invalid("parent_id", "is not a category");
            }
            parent = change.parentId();
        }
        if (!Objects.equals(parent, current.parentId())) {
            String problem = tree.moveProblem(current.id(), parent);
            if (problem != null) {
                throw ApiException.unprocessable(problem, "parent_id", problem.equals("category_cycle")
                        ? "cannot be the category itself or one below it" : "would put a category deeper than 3 levels");
            }
        }
        String slug = current.slug();
        if (change.slug() != null && !change.slug().equals(current.slug())) {
            slug = slugFor(change.slug(), current.name(), current.id());
        }
        int position = change.position() != null ? change.position()
                : Objects.equals(parent, current.parentId()) ? current.position() : repository.nextPosition(parent);
        var updated = new Category(current.id(), change.name() != null ? change.name().strip() : current.name(), slug,
                change.clearDescription() ? null : change.description() != null ? change.description() : current.description(),
                parent, position, change.clearImage() ? null : change.imageMediaId() != null ? change.imageMediaId() : current.imageMediaId(),
                current.postCount(), current.createdAt(), current.updatedAt(), current.version());
        repository.update(updated);
        trackImage(updated.id(), updated.name(), updated.imageMediaId());
        if (!slug.equals(current.slug())) {
            events.publishEvent(new CategorySlugChanged(current.id(), ContentPaths.category(current.slug()), ContentPaths.category(slug)));
        }
        events.publishEvent(new PublicContentChanged());
        return repository.find(current.id()).orElseThrow();
    }

    @Transactional
    void delete(Category category, @Nullable Long reassignTo) {
        if (reassignTo != null) {
            if (reassignTo == category.id() || repository.find(reassignTo).isEmpty()) {
                throw ApiException.invalid("reassign_to", "must be another existing category");
            }
        } else if (repository.hasPosts(category.id())) {
            throw ApiException.conflict("category_has_posts", "posts are filed in this category; pass reassign_to to move them first");
        }
        usages.removeOwner("content", "category", category.id());
        repository.delete(category, reassignTo);
        if (reassignTo != null) {
            repository.recount(List.of(reassignTo));
        }
        events.publishEvent(new PublicContentChanged());
    }

    record Placement(long id, @Nullable Long parentId, int position) {
    }

    /** Applies a drag-and-drop as one change, refused whole when it leaves a cycle or a fourth level anywhere. */
    @Transactional
    void reorder(List<Placement> placements) {
        var current = repository.all();
        var wanted = new HashMap<Long, Placement>();
        placements.forEach(p -> wanted.put(p.id(), p));
        var errors = new FieldErrors();
        var ids = new HashSet<Long>();
        current.forEach(c -> ids.add(c.id()));
        for (int i = 0; i < placements.size(); i++) {
            var p = placements.get(i);
            if (!ids.contains(p.id())) {
                errors.add("[" + i + "].id", "is not a category");
            } else if (p.parentId() != null && !ids.contains(p.parentId())) {
                errors.add("[" + i + "].parent_id", "is not a category");
            }
        }
        errors.throwIfAny();
        var moved = current.stream().map(c -> {
            var p = wanted.get(c.id());
            return p == null ? c : new Category(c.id(), c.name(), c.slug(), c.description(), p.parentId(), p.position(),
                    c.imageMediaId(), c.postCount(), c.createdAt(), c.updatedAt(), c.version());
        }).toList();
        var tree = new CategoryTree(moved);
        for (Category category : moved) {
            var path = tree.path(category.id());
            if (path.isEmpty() || path.getFirst().parentId() != null) {
                throw ApiException.unprocessable("category_cycle", "parent_id", "category " + category.id() + " would sit under itself");
            }
            if (path.size() > CategoryTree.MAX_DEPTH) {
                throw ApiException.unprocessable("depth_exceeded", "parent_id", "category " + category.id() + " would be deeper than 3 levels");
            }
        }
        placements.forEach(p -> repository.move(p.id(), p.parentId(), p.position()));
        events.publishEvent(new PublicContentChanged());
    }

    private String slugFor(@Nullable String requested, String name, long exceptId) {
        if (requested != null) {
            if (!Slugs.isValid(requested)) {
                throw ApiException.invalid("slug", "must be lower-case letters and digits joined by single dashes");
            }
            if (repository.slugTaken(requested, exceptId)) {
                throw ApiException.conflict("slug_taken", "another category has this slug");
            }
            return requested;
        }
        String base = Slugs.of(name);
        base = base.isEmpty() ? "category" : base;
        return Slugs.firstFree(base, candidate -> repository.slugTaken(candidate, exceptId));
    }
}
