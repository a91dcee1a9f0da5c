package com.revolutiontradingpros.api.content.tags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.content.ContentPaths;
import com.revolutiontradingpros.api.content.TagSlugChanged;
import com.revolutiontradingpros.api.content.TagsMerged;
import com.revolutiontradingpros.api.content.cache.PublicContentChanged;
import com.revolutiontradingpros.api.platform.text.Slugs;
import com.revolutiontradingpros.api.platform.web.ApiException;

/** Tags: what posts ask (ids, names created on the fly, counts) and what editors change. */
@Service
public class Tags {

    private final TagRepository repository;
    private final ApplicationEventPublisher events;

    Tags(TagRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    public record Ref(long id, String name, String slug, boolean internal) {
    }

    public List<Long> unknown(Collection<Long> ids) {
        var known = repository.findAll(ids).stream().map(Tag::id).collect(Collectors.toSet());
        return ids.stream().filter(id -> !known.contains(id)).distinct().toList();
    }

    public Map<Long, Ref> refs(Collection<Long> ids) {
        return repository.findAll(ids).stream().collect(Collectors.toMap(Tag::id, t -> new Ref(t.id(), t.name(), t.slug(), t.internal())));
    }

    public Optional<Ref> find(String idOrSlug) {
        return lookup(idOrSlug).map(t -> new Ref(t.id(), t.name(), t.slug(), t.internal()));
    }

    /** The ids of tags with these names (matched ignoring case), created when missing; in the given order, once each. */
    @Transactional
    public List<Long> idsForNames(List<String> names) {
        var ids = new ArrayList<Long>();
        for (String name : names) {
            long id = repository.findByName(name.strip()).map(Tag::id).orElseGet(() -> create(name, null, null));
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The tag with this slug or name, created when there is none (imports); an unusable slug gives way to one made from the name. */
    @Transactional
    public long ensure(String slug, String name) {
        String clean = name.strip().length() > 60 ? name.strip().substring(0, 60) : name.strip();
        String shown = clean.isEmpty() ? slug : clean;
        return repository.findBySlug(slug).or(() -> repository.findByName(shown)).map(Tag::id)
                .orElseGet(() -> create(shown, Slugs.isValid(slug) && slug.length() <= Slugs.MAX_LENGTH ? slug : null, null));
    }

    public void recount(Collection<Long> ids) {
        repository.recount(ids);
    }

    Optional<Tag> lookup(String idOrSlug) {
        return Slugs.asId(idOrSlug).flatMap(repository::find).or(() -> repository.findBySlug(idOrSlug));
    }

    @Transactional
    long create(String name, @Nullable String slug, @Nullable String description) {
        String clean = name.strip();
        if (repository.nameTaken(clean, 0)) {
            throw ApiException.conflict("tag_exists", "a tag with this name exists");
        }
        String chosen = slugFor(slug, clean, 0);
        long id = repository.insert(clean, chosen, description)
                .orElseThrow(() -> ApiException.conflict("tag_exists", "a tag with this name exists"));
        events.publishEvent(new PublicContentChanged());
        return id;
    }

    @Transactional
    void update(Tag current, @Nullable String name, @Nullable String slug, @Nullable String description, boolean clearDescription) {
        String newName = name == null ? current.name() : name;
        if (name != null && repository.nameTaken(newName, current.id())) {
            throw ApiException.conflict("tag_exists", "a tag with this name exists");
        }
        String newSlug = slug == null || slug.equals(current.slug()) ? current.slug() : slugFor(slug, newName, current.id());
        repository.update(current.id(), newName, newSlug,
                clearDescription ? null : description != null ? description : current.description());
        if (!newSlug.equals(current.slug())) {
            events.publishEvent(new TagSlugChanged(current.id(), ContentPaths.tag(current.slug()), ContentPaths.tag(newSlug)));
        }
        events.publishEvent(new PublicContentChanged());
    }

    @Transactional
    void delete(Tag tag) {
        repository.delete(tag.id());
        events.publishEvent(new PublicContentChanged());
    }

    @Transactional
    Tag merge(List<Tag> sources, Tag target) {
        repository.merge(sources.stream().map(Tag::id).toList(), target.id());
        repository.recount(List.of(target.id()));
        events.publishEvent(new TagsMerged(sources.stream().map(Tag::slug).toList(), target.slug()));
        events.publishEvent(new PublicContentChanged());
        return repository.find(target.id()).orElseThrow();
    }

    @Transactional
    int deleteUnused() {
        var unused = repository.unused();
        unused.forEach(repository::delete);
        if (!unused.isEmpty()) {
            events.publishEvent(new PublicContentChanged());
        }
        return unused.size();
    }

    private String slugFor(@Nullable String requested, String name, long exceptId) {
        if (requested != null) {
            if (!Slugs.isValid(requested)) {
                throw ApiException.invalid("slug", "must be lower-case letters and digits joined by single dashes");
            }
            if (repository.slugTaken(requested, exceptId)) {
                throw ApiException.conflict("slug_taken", "another tag has this slug");
            }
            return requested;
        }
        String base = Slugs.of(name);
        if (name.startsWith("#")) {
            base = base.isEmpty() ? "hash" : "hash-" + base;
        }
        base = base.isEmpty() ? "tag" : base;
        return Slugs.firstFree(base, candidate -> repository.slugTaken(candidate, exceptId));
    }
}
