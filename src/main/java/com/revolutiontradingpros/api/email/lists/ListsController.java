package com.revolutiontradingpros.api.email.lists;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.text.Slugs;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.Conditional;
import com.revolutiontradingpros.api.platform.web.FieldErrors;
import com.revolutiontradingpros.api.platform.web.Patch;

/** The staff's lists (06 rows 49–52). Editors run them; people join and leave public lists themselves. */
@RestController
@Tag(name = "Email subscribers")
@RequiresRole(Role.EDITOR)
class ListsController {

    private static final int SLUG_LENGTH = 100;
    private static final String SLUG_RULE = "must be lower-case letters and digits joined by single dashes";
    private static final Set<String> VISIBILITIES = Set.of("public", "private");
    private static final Set<String> PATCH_FIELDS = Set.of("name", "slug", "description", "visibility");

    private final ListRepository lists;

    ListsController(ListRepository lists) {
        this.lists = lists;
    }

    record ListView(long id, String name, String slug, @Nullable String description,
            @Schema(allowableValues = {"public", "private"}) String visibility, int subscribedCount, int unsubscribedCount,
            @Nullable Long createdBy, Instant createdAt, Instant updatedAt) {

        static ListView of(EmailList list) {
            return new ListView(list.id(), list.name(), list.slug(), list.description(), list.visibility(), list.subscribedCount(),
                    list.unsubscribedCount(), list.createdBy(), list.createdAt(), list.updatedAt());
        }
    }

    @GetMapping("/email/subscribers/lists")
    @Operation(summary = "Lists with subscribed and unsubscribed counts; q= name; filter[visibility]; sort name, subscribed_count, created_at")
    Page<ListView> list(@PageParams(sort = {"name", "subscribed_count", "created_at"}, defaultSort = "name", filters = {"visibility"},
            searchable = true) PageQuery query) {
        query.filter("visibility").filter(v -> !VISIBILITIES.contains(v))
                .ifPresent(v -> new FieldErrors().add("filter[visibility]", "must be public or private").throwIfAny());
        var found = lists.list(query);
        return query.page(found.rows().stream().map(ListView::of).toList(), found.total());
    }

    record NewList(@NotBlank @Size(max = 100) String name,
            @Nullable @Size(min = 1, max = SLUG_LENGTH) @Schema(description = "made from the name when absent") String slug,
            @Nullable @Size(max = 500) String description,
            @NotNull @Pattern(regexp = "public|private", message = "must be public or private") String visibility) {
    }

    @PostMapping("/email/subscribers/lists")
    @Operation(summary = "Create a list; a slug already in use → 409 slug_taken; more than 500 lists → 422 too_many_lists")
    ResponseEntity<ListView> create(CurrentUser me, @Valid @RequestBody NewList body) {
        if (body.slug() != null && !Slugs.isValid(body.slug())) {
            throw ApiException.invalid("slug", SLUG_RULE);
        }
        if (lists.count() >= ListRepository.MAX_LISTS) {
            throw ApiException.unprocessable("too_many_lists", "name", "cannot be added: there are already " + ListRepository.MAX_LISTS + " lists");
        }
        String name = body.name().strip();
        String slug = body.slug() != null ? body.slug() : generatedSlug(name);
        long id = lists.insert(name, slug, blankToNull(body.description()), body.visibility(), me.id())
                .orElseThrow(() -> ApiException.conflict("slug_taken", "another list has the slug " + slug));
        var created = lists.find(id).orElseThrow();
        return ResponseEntity.created(URI.create("/email/subscribers/lists/" + id)).eTag(etag(created)).body(ListView.of(created));
    }

    record ListChange(@Nullable String name, @Nullable String slug, @Nullable String description,
            @Nullable @Schema(allowableValues = {"public", "private"}) String visibility) {
    }

    @PatchMapping("/email/subscribers/lists/{id}")
    @Operation(summary = "Change name, slug, description or visibility; If-Match (412); a slug in use → 409 slug_taken")
    ResponseEntity<ListView> update(@PathVariable long id,
            @RequestBody @Schema(implementation = ListChange.class) Map<String, @Nullable Object> body, HttpServletRequest request) {
        var current = lists.find(id).orElseThrow(() -> ApiException.notFound("list"));
        Conditional.requireCurrent(request, etag(current));
        var patch = new Patch(body, PATCH_FIELDS);
        String name = patch.text("name", 1, 100);
        String slug = patch.text("slug", 1, SLUG_LENGTH);
        String description = patch.text("description", 0, 500);
        String visibility = patch.oneOf("visibility", VISIBILITIES);
        if (slug != null && !Slugs.isValid(slug)) {
            patch.errors().add("slug", SLUG_RULE);
        }
        patch.errors().throwIfAny();
        if (slug != null && lists.slugTaken(slug, id)) {
            throw ApiException.conflict("slug_taken", "another list has the slug " + slug);
        }
        var changed = new EmailList(id, name != null ? name : current.name(), slug != null ? slug : current.slug(),
                patch.has("description") ? blankToNull(description) : current.description(),
                visibility != null ? visibility : current.visibility(), current.subscribedCount(), current.unsubscribedCount(),
                current.createdBy(), current.createdAt(), current.updatedAt());
        lists.update(changed);
        var saved = lists.find(id).orElseThrow();
        return ResponseEntity.ok().eTag(etag(saved)).body(ListView.of(saved));
    }

    @DeleteMapping("/email/subscribers/lists/{id}")
    @Operation(summary = "Delete a list and its memberships; the contacts stay")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!lists.delete(id)) {
            throw ApiException.notFound("list");
        }
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private String generatedSlug(String name) {
        String base = Slugs.of(name);
        return Slugs.firstFree(base.isEmpty() ? "list" : base, candidate -> lists.slugTaken(candidate, 0));
    }

    private static String etag(EmailList list) {
        return Conditional.etagOf(list.id(), list.updatedAt());
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
