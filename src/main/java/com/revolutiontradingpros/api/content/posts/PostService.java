package com.revolutiontradingpros.api.content.posts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.content.PostDeleted;
import com.revolutiontradingpros.api.content.PostPublished;
import com.revolutiontradingpros.api.content.PostSlugChanged;
import com.revolutiontradingpros.api.content.PostUnpublished;
import com.revolutiontradingpros.api.content.PostUpdated;
import com.revolutiontradingpros.api.content.cache.PublicContentChanged;
import com.revolutiontradingpros.api.content.categories.Categories;
import com.revolutiontradingpros.api.content.tags.Tags;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

/** Every change of a post: edits, the status machine, trash, and what each emits (rules 7, 10–13). */
@Service
class PostService {

    private static final Logger log = LoggerFactory.getLogger(PostService.class);
    static final Duration TRASH_KEPT = Duration.ofDays(30);
    static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(366);

    private final PostRepository posts;
    private final PostRevisions revisions;
    private final PostEditor editor;
    private final PostMedia media;
    private final Categories categories;
    private final Tags tags;
    private final ApplicationEventPublisher events;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> publishTask;
    private final JsonMapper json;
    private final Clock clock;

    PostService(PostRepository posts, PostRevisions revisions, PostEditor editor, PostMedia media, Categories categories, Tags tags,
            ApplicationEventPublisher events, SchedulerClient scheduler, OneTimeTask<Long> scheduledPostPublishTask, JsonMapper json,
            Clock clock) {
        this.posts = posts;
        this.revisions = revisions;
        this.editor = editor;
        this.media = media;
        this.categories = categories;
        this.tags = tags;
        this.events = events;
        this.scheduler = scheduler;
        this.publishTask = scheduledPostPublishTask;
        this.json = json;
        this.clock = clock;
    }

    record Loaded(Post post, Links links) {
    }

    Loaded load(long id) {
        var post = posts.find(id).orElseThrow(() -> ApiException.notFound("post"));
        return new Loaded(post, posts.links(id));
    }

    long create(CurrentUser caller, Map<String, @Nullable Object> body) {
        return create(caller, body, "manual");
    }

    /** A new draft; its first revision is of {@code revisionKind} (manual, or import for imported posts). */
    @Transactional
    long create(CurrentUser caller, Map<String, @Nullable Object> body, String revisionKind) {
        var blank = new Post(0, "post", "", "", null, "", "", null, "", "", null, "public", "draft", null, null, false, null, false, 0, 1,
                0, caller.id(), caller.id(), Instant.now(clock), Instant.now(clock), null, 1);
        var edit = editor.apply(caller, blank, Links.NONE, body, true);
        long id = posts.insert(edit.post());
        posts.setLinks(id, edit.links());
        var created = posts.find(id).orElseThrow();
        revisions.record(created, revisionKind, caller.id());
        media.track(created);
        return id;
    }

    @Transactional
    void update(CurrentUser caller, long id, Map<String, @Nullable Object> body, @Nullable Integer expectedVersion) {
        var loaded = load(id);
        PostRules.requireEditable(caller, loaded.post(), loaded.links());
        if (loaded.post().trashed()) {
            throw ApiException.conflict("post_trashed", "restore the post before editing it");
        }
        if (expectedVersion != null && expectedVersion != loaded.post().version()) {
            throw ApiException.preconditionFailed();
        }
        var edit = editor.apply(caller, loaded.post(), loaded.links(), body, false);
        save(edit.post(), caller.id());
        posts.setLinks(id, edit.links());
        media.track(edit.post());
        revisions.dropAutosave(id, caller.id());
        if (edit.contentChanged()) {
            revisions.record(edit.post(), "manual", caller.id());
        }
        var before = loaded.post();
        if (!before.slug().equals(edit.post().slug()) && before.everPublished()) {
            events.publishEvent(new PostSlugChanged(id, before.url(), edit.post().url()));
        }
        if (before.status().equals("published")) {
            events.publishEvent(new PostUpdated(id, edit.post().type(), edit.post().slug(), edit.post().url()));
        }
        recount(loaded.links(), edit.links());
        publicChange(before, edit.post());
    }

    @Transactional
    void publish(CurrentUser caller, long id, @Nullable Instant publishedAt, boolean notify) {
        var loaded = load(id);
        PostRules.requireEditor(caller, loaded.post(), loaded.links());
        var post = loaded.post();
        if (post.trashed() || !(post.status().equals("draft") || post.status().equals("scheduled"))) {
            throw PostRules.invalidTransition(post, "publish");
        }
        if (publishedAt != null && publishedAt.isAfter(Instant.now(clock))) {
            throw ApiException.invalid("published_at", "must be in the past (schedule the post to publish it later)");
        }
        requirePublishable(post, "body_html");
        cancelJob(id);
        goLive(post, loaded.links(), publishedAt != null ? publishedAt : Instant.now(clock), caller.id(), notify);
    }

    /** The job's side of scheduling: publishes the post at its time, once, whichever node runs it. */
    @Transactional
    boolean publishScheduled(long id) {
        var post = posts.findForUpdate(id).orElse(null);
        if (post == null || post.trashed() || !post.status().equals("scheduled") || post.publishAt() == null
                || post.publishAt().isAfter(Instant.now(clock).plusSeconds(1))) {
            log.info("post {} is not due for publishing (unscheduled, moved or deleted)", id);
            return false;
        }
        goLive(post, posts.links(id), post.publishAt(), post.updatedBy(), false);
        return true;
    }

    private void goLive(Post post, Links links, Instant publishedAt, long by, boolean notify) {
        var live = post.withStatus("published", null, publishedAt);
        save(live, by);
        var saved = posts.find(post.id()).orElseThrow();
        revisions.record(saved, "publish", by);
        events.publishEvent(new PostPublished(post.id(), post.type(), post.slug(), post.url(), post.visibility(), notify));
        recount(links, links);
        events.publishEvent(new PublicContentChanged());
    }

    @Transactional
    void schedule(CurrentUser caller, long id, Instant publishAt) {
        var loaded = load(id);
        PostRules.requireEditor(caller, loaded.post(), loaded.links());
        var post = loaded.post();
        if (post.trashed() || !(post.status().equals("draft") || post.status().equals("scheduled"))) {
            throw PostRules.invalidTransition(post, "schedule");
        }
        Instant now = Instant.now(clock);
        if (!publishAt.isAfter(now)) {
            throw ApiException.invalid("publish_at", "must be in the future");
        }
        if (publishAt.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
            throw ApiException.invalid("publish_at", "must be at most 366 days ahead");
        }
        requirePublishable(post, "body_html");
        save(post.withStatus("scheduled", publishAt, null), caller.id());
        var instance = publishTask.instance(jobId(id), id);
        if (!scheduler.scheduleIfNotExists(instance, publishAt)) {
            scheduler.reschedule(instance, publishAt);
        }
    }

    @Transactional
    void unschedule(CurrentUser caller, long id) {
        var loaded = load(id);
        PostRules.requireEditor(caller, loaded.post(), loaded.links());
        if (loaded.post().trashed() || !loaded.post().status().equals("scheduled")) {
            throw PostRules.invalidTransition(loaded.post(), "unschedule");
        }
        save(loaded.post().withStatus("draft", null, null), caller.id());
        cancelJob(id);
    }

    @Transactional
    void unpublish(CurrentUser caller, long id) {
        var loaded = load(id);
        PostRules.requireEditor(caller, loaded.post(), loaded.links());
        if (loaded.post().trashed() || !loaded.post().status().equals("published")) {
            throw PostRules.invalidTransition(loaded.post(), "unpublish");
        }
        leave(loaded, loaded.post().withStatus("draft", null, null), caller.id());
    }

    @Transactional
    void archive(CurrentUser caller, long id) {
        var loaded = load(id);
        PostRules.requireEditor(caller, loaded.post(), loaded.links());
        var post = loaded.post();
        if (post.trashed() || !(post.status().equals("draft") || post.status().equals("published"))) {
            throw PostRules.invalidTransition(post, "archive");
        }
        leave(loaded, post.withStatus("archived", null, post.publishedAt()), caller.id());
    }

    @Transactional
    void unarchive(CurrentUser caller, long id) {
        var loaded = load(id);
        PostRules.requireEditor(caller, loaded.post(), loaded.links());
        if (loaded.post().trashed() || !loaded.post().status().equals("archived")) {
            throw PostRules.invalidTransition(loaded.post(), "unarchive");
        }
        save(loaded.post().withStatus("draft", null, null), caller.id());
        events.publishEvent(new PublicContentChanged());
    }

    @Transactional
    void trash(CurrentUser caller, long id) {
        var loaded = load(id);
        PostRules.requireEditable(caller, loaded.post(), loaded.links());
        var post = loaded.post();
        if (post.trashed()) {
            throw PostRules.invalidTransition(post, "trash");
        }
        cancelJob(id);
        leave(loaded, post.withDeletedAt(Instant.now(clock)), caller.id());
    }

    @Transactional
    void restore(CurrentUser caller, long id) {
        var loaded = load(id);
        var post = loaded.post();
        if (!PostRules.isEditor(caller) && !loaded.links().authors().contains(caller.id())) {
            throw ApiException.notFound("post");
        }
        if (!post.trashed()) {
            throw ApiException.conflict("not_trashed", "the post is not in the trash");
        }
        save(post.withStatus("draft", null, null).withDeletedAt(null), caller.id());
    }

    @Transactional
    void deletePermanently(long id) {
        var loaded = load(id);
        if (!loaded.post().trashed()) {
            throw ApiException.conflict("not_trashed", "only trashed posts can be deleted for good; trash it first");
        }
        purge(loaded);
    }

    /** The daily purge of posts trashed more than 30 days ago. */
    @Transactional
    int purgeTrash() {
        var due = posts.trashedBefore(Instant.now(clock).minus(TRASH_KEPT));
        due.forEach(id -> purge(load(id)));
        return due.size();
    }

    private void purge(Loaded loaded) {
        media.forget(loaded.post());
        posts.delete(loaded.post().id());
        recount(loaded.links(), Links.NONE);
        events.publishEvent(new PostDeleted(loaded.post().id(), loaded.post().type(), loaded.post().slug()));
    }

    @Transactional
    long duplicate(CurrentUser caller, long id) {
        var loaded = load(id);
        PostRules.requireVisible(caller, loaded.post(), loaded.links());
        var post = loaded.post();
        String base = post.slug() + "-copy";
        String slug = base;
        for (int n = 2; posts.slugTaken(slug, 0) || PostRules.RESERVED_SLUGS.contains(slug); n++) {
            slug = base + "-" + n;
        }
        String title = ("Copy of " + post.title());
        var copy = new Post(0, post.type(), title.length() > 200 ? title.substring(0, 200) : title, slug, post.excerpt(),
                post.autoExcerpt(), post.bodyHtml(), post.bodyJson(), post.bodyText(), post.publicText(), post.teaserHtml(),
                post.visibility(), "draft", null, null, false, post.featuredMediaId(), false, post.wordCount(), post.readingTimeMinutes(), 0,
                caller.id(), caller.id(), Instant.now(clock), Instant.now(clock), null, 1);
        long copyId = posts.insert(copy);
        posts.setLinks(copyId, loaded.links().withAuthors(List.of(caller.id())));
        media.track(posts.find(copyId).orElseThrow());
        return copyId;
    }

    @Transactional
    void restoreRevision(CurrentUser caller, long id, long revisionId, @Nullable Integer expectedVersion) {
        var loaded = load(id);
        PostRules.requireEditor(caller, loaded.post(), loaded.links());
        if (loaded.post().trashed()) {
            throw ApiException.conflict("post_trashed", "restore the post before restoring a revision");
        }
        if (expectedVersion != null && expectedVersion != loaded.post().version()) {
            throw ApiException.preconditionFailed();
        }
        var revision = revisions.find(id, revisionId).filter(r -> !r.kind().equals("autosave"))
                .orElseThrow(() -> ApiException.notFound("revision"));
        var body = new HashMap<String, @Nullable Object>();
        body.put("title", revision.title());
        body.put("excerpt", revision.excerpt());
        body.put("teaser_html", revision.teaserHtml());
        body.put("body_html", revision.bodyHtml());
        body.put("body_json", revision.bodyJson() == null ? null : json.readTree(revision.bodyJson()));
        var restored = editor.apply(caller, loaded.post(), loaded.links(), body, false).post();
        save(restored, caller.id());
        media.track(restored);
        revisions.record(restored, "restore", caller.id());
        if (restored.status().equals("published")) {
            events.publishEvent(new PostUpdated(id, restored.type(), restored.slug(), restored.url()));
        }
        publicChange(loaded.post(), restored);
    }

    private void leave(Loaded loaded, Post changed, long by) {
        save(changed, by);
        var before = loaded.post();
        if (before.status().equals("published") && !before.trashed()) {
            events.publishEvent(new PostUnpublished(before.id(), before.type(), before.slug(), before.url()));
        }
        recount(loaded.links(), loaded.links());
        publicChange(before, changed);
    }

    private void requirePublishable(Post post, String bodyField) {
        var errors = new FieldErrors();
        if (post.title().isBlank()) {
            errors.add("title", "must not be blank to publish");
        }
        if (post.wordCount() < 1) {
            errors.add(bodyField, "must hold at least one word to publish");
        }
        if (posts.slugTaken(post.slug(), post.id())) {
            errors.add("slug", "is used by another post");
        }
        errors.throwIfAny();
    }

    private void save(Post post, long by) {
        if (!posts.update(post, by)) {
            throw ApiException.preconditionFailed();
        }
    }

    private void recount(Links before, Links after) {
        var categoryIds = new HashSet<Long>(before.categories());
        categoryIds.addAll(after.categories());
        categories.recount(categoryIds);
        var tagIds = new HashSet<Long>(before.tags());
        tagIds.addAll(after.tags());
        tags.recount(tagIds);
    }

    private void publicChange(Post before, Post after) {
        Instant now = Instant.now(clock);
        if (before.publiclyReadable(now) || after.publiclyReadable(now)) {
            events.publishEvent(new PublicContentChanged());
        }
    }

    private void cancelJob(long id) {
        if (scheduler.getScheduledExecution(TaskInstanceId.of(publishTask.getName(), jobId(id))).isPresent()) {
            scheduler.cancel(TaskInstanceId.of(publishTask.getName(), jobId(id)));
        }
    }

    private static String jobId(long id) {
        return "post-" + id;
    }
}
