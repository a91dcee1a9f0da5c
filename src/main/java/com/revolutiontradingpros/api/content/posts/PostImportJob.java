package com.revolutiontradingpros.api.content.posts;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.content.categories.Categories;
import com.revolutiontradingpros.api.content.tags.Tags;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.storage.ObjectStorage;
import com.revolutiontradingpros.api.platform.text.Slugs;
import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * Runs a post import (rows 33–34, rule 35): reads the file as a stream and saves each post in its own transaction
 * through the same service as the editor, so every rule of a hand-made post holds. A bad item is listed and skipped;
 * the job goes on. Image URLs stay as they are: nothing is downloaded.
 */
@Service
class PostImportJob {

    private static final Logger log = LoggerFactory.getLogger(PostImportJob.class);
    private static final int PROGRESS_EVERY = 50;

    private final PostImports imports;
    private final PostService service;
    private final PostRepository posts;
    private final Categories categories;
    private final Tags tags;
    private final Accounts accounts;
    private final ObjectStorage storage;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    PostImportJob(PostImports imports, PostService service, PostRepository posts, Categories categories, Tags tags, Accounts accounts,
            ObjectStorage storage, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.imports = imports;
        this.service = service;
        this.posts = posts;
        this.categories = categories;
        this.tags = tags;
        this.accounts = accounts;
        this.storage = storage;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    void run(long jobId) {
        var job = imports.find(jobId).orElse(null);
        if (job == null || !imports.start(jobId)) {
            return;
        }
        // The job acts as the admin who started it, with no more than an admin's rights.
        var caller = new CurrentUser(job.createdBy(), null, Set.of(Role.ADMIN), null);
        var report = new PostImports.Report();
        try (var in = storage.open(job.fileKey()).orElseThrow(() -> new ImportItem.UnreadableFile("the uploaded file is gone"))) {
            java.util.function.Consumer<ImportItem> each = item -> {
                handle(item, job.options(), caller, report);
                if ((report.created + report.skipped + report.failed) % PROGRESS_EVERY == 0) {
                    imports.progress(jobId, report);
                }
            };
            if (job.format().equals("json")) {
                JsonImportReader.read(json, in, each);
            } else {
                WxrImportReader.read(in, each);
            }
            imports.finish(jobId, report, "completed", null);
        } catch (ImportItem.UnreadableFile e) {
            imports.finish(jobId, report, "failed", e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("post import {} stopped: {}", jobId, e.toString());
            imports.finish(jobId, report, "failed", "the import stopped: " + e.getMessage());
        }
        storage.delete(job.fileKey());
    }

    private void handle(ImportItem item, PostImports.Options options, CurrentUser caller, PostImports.Report report) {
        switch (item) {
            case ImportItem.Ignored ignored -> report.skipped++;
            case ImportItem.Unreadable bad -> report.failed(bad.label(), bad.message());
            case ImportItem.Readable readable -> {
                try {
                    boolean created = Boolean.TRUE.equals(transactions.execute(status -> save(readable.post(), options, caller)));
                    if (created) {
                        report.created++;
                    } else {
                        report.skipped++;
                    }
                } catch (ApiException e) {
                    report.failed(readable.label(), describe(e));
                } catch (RuntimeException e) {
                    log.warn("import item {} could not be saved", readable.label(), e);
                    report.failed(readable.label(), "could not be saved: " + e.getClass().getSimpleName());
                }
            }
        }
    }

    /** Saves one post; false when its slug is taken and the options say to skip it. */
    private boolean save(ExchangedPost post, PostImports.Options options, CurrentUser caller) {
        if (!Set.of("draft", "scheduled", "published", "archived").contains(post.status())) {
            throw ApiException.invalid("status", "must be draft, scheduled, published or archived");
        }
        var body = new HashMap<String, @Nullable Object>();
        body.put("type", post.type());
        body.put("title", post.title());
        String slug = post.slug();
        if (Slugs.isValid(slug) && slug.length() <= Slugs.MAX_LENGTH) {
            if (posts.slugTaken(slug, 0)) {
                if (options.onConflict().equals("skip")) {
                    return false;
                }
                slug = Slugs.firstFree(slug, candidate -> posts.slugTaken(candidate, 0));
            }
            body.put("slug", slug);
        }
        body.put("excerpt", post.excerpt());
        body.put("body_html", post.bodyHtml());
        if (post.bodyJson() != null) {
            body.put("body_json", json.treeToValue(post.bodyJson(), Object.class));
        }
        body.put("teaser_html", post.teaserHtml());
        body.put("visibility", post.visibility());
        if (post.visibility().equals("paid")) {
            body.put("product_ids", post.productIds());
        }
        body.put("category_ids", post.categories().stream().map(this::category).distinct().toList());
        body.put("tag_ids", post.tags().stream().map(tag -> tags.ensure(tag.slug(), tag.name())).distinct().toList());
        var authors = writers(post.authors());
        if (!authors.isEmpty()) {
            body.put("author_ids", authors);
        }
        body.put("is_featured", post.isFeatured());
        long id = service.create(caller, body, "import");
        if (options.status().equals("keep")) {
            keepStatus(post, id, caller);
        }
        return true;
    }

    /** Takes the post from draft to the status it had in the file, with its dates. */
    private void keepStatus(ExchangedPost post, long id, CurrentUser caller) {
        Instant now = clock.instant();
        switch (post.status()) {
            case "published" -> service.publish(caller, id, past(post.publishedAt(), now), false);
            case "scheduled" -> {
                if (post.publishAt() != null && post.publishAt().isAfter(now)) {
                    service.schedule(caller, id, post.publishAt());
                } else {
                    service.publish(caller, id, past(post.publishAt(), now), false);
                }
            }
            case "archived" -> {
                if (post.publishedAt() != null) {
                    service.publish(caller, id, past(post.publishedAt(), now), false);
                }
                service.archive(caller, id);
            }
            default -> { }
        }
    }

    private static Instant past(@Nullable Instant at, Instant now) {
        return at == null || at.isAfter(now) ? now : at;
    }

    private long category(ExchangedPost.Term term) {
        Long parent = term.parent() == null ? null : category(term.parent());
        return categories.ensure(term.slug(), term.name(), parent);
    }

    /** The accounts with these emails that may write posts; anyone else is left out, and the importer becomes the author. */
    private List<Long> writers(List<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        Map<String, Long> ids = accounts.idsByEmail(emails.stream().map(e -> e.strip().toLowerCase(java.util.Locale.ROOT)).toList());
        var found = accounts.findAll(ids.values());
        var writers = new ArrayList<Long>();
        for (String email : emails) {
            Long id = ids.get(email.strip().toLowerCase(java.util.Locale.ROOT));
            if (id != null && found.containsKey(id) && found.get(id).roles().stream().anyMatch(PostEditor.WRITER_ROLES::contains)
                    && !writers.contains(id)) {
                writers.add(id);
            }
        }
        return writers.size() > 10 ? writers.subList(0, 10) : writers;
    }

    /** The problem in one line: its detail and each field's errors. */
    private static String describe(ApiException e) {
        String fields = e.errors() == null ? "" : e.errors().entrySet().stream()
                .map(entry -> entry.getKey() + " " + String.join(", ", entry.getValue())).collect(Collectors.joining("; "));
        return fields.isEmpty() ? e.getMessage() : fields;
    }

    @Configuration(proxyBeanMethods = false)
    static class Task {
        @Bean
        OneTimeTask<Long> postImportTask(@Lazy PostImportJob job) {
            return Tasks.oneTime("content-post-import", Long.class).execute((instance, context) -> job.run(instance.getData()));
        }
    }
}
