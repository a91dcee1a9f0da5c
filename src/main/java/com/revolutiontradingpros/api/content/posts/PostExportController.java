package com.revolutiontradingpros.api.content.posts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.auth.AccountView;
import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.content.categories.Categories;
import com.revolutiontradingpros.api.content.tags.Tags;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.text.Csv;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.HttpProperties;

/**
 * Row 32: the staff list's posts as a spreadsheet or as the JSON file the import reads back. Streamed: posts are
 * read in batches through a cursor, so memory does not grow with the number of posts.
 */
@RestController
@RequiresRole(Role.EDITOR)
@Tag(name = "Posts (staff)")
class PostExportController {

    private static final int BATCH = 200;
    private static final List<Object> CSV_HEADER = List.of("id", "title", "slug", "type", "status", "visibility", "published_at", "authors",
            "categories", "tags", "word_count", "view_count", "url");

    private final PostQueries queries;
    private final PostRepository posts;
    private final StaffFilters staffFilters;
    private final PostViews views;
    private final Categories categories;
    private final Tags tags;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final String siteUrl;
    private final Clock clock;

    PostExportController(PostQueries queries, PostRepository posts, StaffFilters staffFilters, PostViews views, Categories categories,
            Tags tags, Accounts accounts, TransactionTemplate transactions, JsonMapper json, HttpProperties http, Clock clock) {
        this.queries = queries;
        this.posts = posts;
        this.staffFilters = staffFilters;
        this.views = views;
        this.categories = categories;
        this.tags = tags;
        this.accounts = accounts;
        this.transactions = transactions;
        this.json = json;
        this.siteUrl = http.siteUrl().replaceAll("/+$", "");
        this.clock = clock;
    }

    @GetMapping("/posts/export")
    @Operation(summary = "Posts matching the staff list's filters as CSV, or as JSON with full bodies (the import format); an attachment")
    @ApiResponse(responseCode = "200", description = "the file", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/json", schema = @Schema(description = "{format, version, exported_at, posts: [...]}"))})
    ResponseEntity<StreamingResponseBody> export(CurrentUser caller, @PageParams(sort = {"updated_at", "created_at", "published_at",
                    "publish_at", "title", "view_count"}, defaultSort = "-updated_at", filters = {"status", "type", "author", "category",
                    "tag", "visibility"}, searchable = true) PageQuery query,
            @Parameter(schema = @Schema(allowableValues = {"csv", "json"})) @RequestParam(defaultValue = "csv") String format) {
        if (!format.equals("csv") && !format.equals("json")) {
            throw ApiException.invalid("format", "must be csv or json");
        }
        var filter = staffFilters.of(caller, query);
        String file = "posts-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + "." + format;
        StreamingResponseBody body = format.equals("csv")
                ? out -> csv(query, filter, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024))
                : out -> {
                    try (var generator = json.createGenerator(out)) {
                        json(query, filter, generator);
                    }
                };
        return ResponseEntity.ok()
                .contentType(format.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(body);
    }

    private void csv(PageQuery query, PostQueries.Filter filter, BufferedWriter writer) throws IOException {
        writer.write(Csv.row(CSV_HEADER));
        inBatches(query, filter, batch -> {
            var links = posts.links(batch.stream().map(Post::id).toList());
            var lookups = lookups(links);
            var profiles = views.profiles(lookups.authorIds());
            try {
                for (Post post : batch) {
                    var link = links.getOrDefault(post.id(), Links.NONE);
                    writer.write(Csv.row(Arrays.asList(post.id(), post.title(), post.slug(), post.type(),
                            post.trashed() ? "trashed" : post.status(), post.visibility(), post.publishedAt(),
                            ordered(link.authors(), profiles).map(p -> p.displayName()).collect(Collectors.joining("; ")),
                            ordered(link.categories(), lookups.categories()).map(Categories.Ref::name).collect(Collectors.joining("; ")),
                            ordered(link.tags(), lookups.tags()).map(Tags.Ref::name).collect(Collectors.joining("; ")),
                            post.wordCount(), post.viewCount(), siteUrl + post.url())));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    private void json(PageQuery query, PostQueries.Filter filter, JsonGenerator out) {
        out.writeStartObject();
        out.writeStringProperty("format", ExchangedPost.FORMAT);
        out.writeNumberProperty("version", 1);
        out.writeStringProperty("exported_at", clock.instant().toString());
        out.writeName("posts");
        out.writeStartArray();
        inBatches(query, filter, batch -> {
            var links = posts.links(batch.stream().map(Post::id).toList());
            var lookups = lookups(links);
            var emails = accounts.findAll(lookups.authorIds());
            var paths = categories.paths(lookups.categories().keySet());
            for (Post post : batch) {
                var link = links.getOrDefault(post.id(), Links.NONE);
                out.writePOJO(new ExchangedPost(post.type(), post.title(), post.slug(), post.status(), post.visibility(), post.excerpt(),
                        post.bodyHtml(), post.bodyJson() == null ? null : json.readTree(post.bodyJson()), post.teaserHtml(),
                        post.publishedAt(), post.publishAt(), post.featured(),
                        ordered(link.authors(), emails).map(AccountView::email).toList(),
                        ordered(link.categories(), paths).map(ExchangedPost.Term::ofPath).filter(Objects::nonNull).toList(),
                        ordered(link.tags(), lookups.tags()).map(t -> new ExchangedPost.Term(t.slug(), t.name(), null)).toList(),
                        link.products()));
            }
            out.flush();
        });
        out.writeEndArray();
        out.writeEndObject();
    }

    /** Feeds the matching posts, full rows, {@link #BATCH} at a time; the cursor needs the transaction. */
    private void inBatches(PageQuery query, PostQueries.Filter filter, Consumer<List<Post>> each) {
        transactions.executeWithoutResult(status -> {
            var ids = new ArrayList<Long>(BATCH);
            queries.staffIds(query, filter, id -> {
                ids.add(id);
                if (ids.size() == BATCH) {
                    each.accept(posts.findAll(ids));
                    ids.clear();
                }
            });
            if (!ids.isEmpty()) {
                each.accept(posts.findAll(ids));
            }
        });
    }

    private record Lookups(List<Long> authorIds, Map<Long, Categories.Ref> categories, Map<Long, Tags.Ref> tags) {
    }

    private Lookups lookups(Map<Long, Links> links) {
        var authorIds = new HashSet<Long>();
        var categoryIds = new HashSet<Long>();
        var tagIds = new HashSet<Long>();
        links.values().forEach(link -> {
            authorIds.addAll(link.authors());
            categoryIds.addAll(link.categories());
            tagIds.addAll(link.tags());
        });
        return new Lookups(List.copyOf(authorIds), categories.refs(categoryIds), tags.refs(tagIds));
    }

    /** The refs of these ids in their order, leaving out any that went away. */
    private static <R> Stream<R> ordered(List<Long> ids, Map<Long, R> refs) {
        return ids.stream().map(refs::get).filter(Objects::nonNull);
    }
}
