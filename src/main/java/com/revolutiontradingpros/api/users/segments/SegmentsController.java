package com.revolutiontradingpros.api.users.segments;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;
import com.revolutiontradingpros.api.users.admin.UserFilter;
import com.revolutiontradingpros.api.users.tags.UserTags;

/** Saved member segments: a name and the filters of the user list, each listed with its live count. */
@RestController
@RequiresRole(Role.ADMIN)
@Tag(name = "Members")
class SegmentsController {

    private static final Set<String> FILTERS = Set.of("role", "status", "verified", "mfa", "tag", "q", "created_from", "created_to");

    private final Segments segments;
    private final Accounts accounts;
    private final UserTags tags;

    SegmentsController(Segments segments, Accounts accounts, UserTags tags) {
        this.segments = segments;
        this.accounts = accounts;
        this.tags = tags;
    }

    record NewSegment(@NotBlank @Size(max = 100) String name, @Nullable @Size(max = 500) String description,
            @NotNull @Schema(description = "role, status, verified, mfa, tag, q, created_from, created_to") Map<String, String> filters) {
    }

    record SegmentChange(@Nullable @Size(min = 1, max = 100) String name, @Nullable @Size(max = 500) String description,
            @Nullable Map<String, String> filters) {
    }

    record Segment(long id, String name, @Nullable String description, Map<String, String> filters, long count, Instant createdAt,
            Instant updatedAt) {
    }

    @GetMapping("/members/segments")
    @Operation(summary = "Saved member segments with their live counts")
    List<Segment> list() {
        return segments.all().stream().map(this::withCount).toList();
    }

    @PostMapping("/members/segments")
    @Operation(summary = "Save a segment (its filters are the user list's)")
    ResponseEntity<Segment> create(CurrentUser staff, @Valid @RequestBody NewSegment body) {
        filter(body.filters());
        long id = segments.create(body.name().strip(), body.description(), body.filters(), staff.id())
                .orElseThrow(() -> ApiException.conflict("name_taken", "a segment with this name exists"));
        return ResponseEntity.created(URI.create("/members/segments/" + id)).body(get(id));
    }

    @PatchMapping("/members/segments/{id}")
    @Operation(summary = "Rename a segment or change its description or filters")
    Segment update(@PathVariable long id, @Valid @RequestBody SegmentChange body) {
        var current = segments.find(id).orElseThrow(() -> ApiException.notFound("segment"));
        if (body.filters() != null) {
            filter(body.filters());
        }
        if (!segments.update(id, body.name() == null ? current.name() : body.name().strip(),
                body.description() == null ? current.description() : body.description(),
                body.filters() == null ? current.filters() : body.filters())) {
            throw ApiException.conflict("name_taken", "a segment with this name exists");
        }
        return get(id);
    }

    @DeleteMapping("/members/segments/{id}")
    @Operation(summary = "Delete a segment")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!segments.delete(id)) {
            throw ApiException.notFound("segment");
        }
        return ResponseEntity.noContent().build();
    }

    private Segment get(long id) {
        return segments.find(id).map(this::withCount).orElseThrow(() -> ApiException.notFound("segment"));
    }

    private Segment withCount(Segments.Row row) {
        var query = query(row.filters());
        var filter = filter(row.filters());
        long count = accounts.count(query, filter.createdFrom(), filter.createdTo(), filter.only());
        return new Segment(row.id(), row.name(), row.description(), row.filters(), count, row.createdAt(), row.updatedAt());
    }

    /** The saved filters as the user list reads them; a 422 for unknown or bad ones. */
    private UserFilter filter(Map<String, String> filters) {
        var errors = new FieldErrors();
        filters.keySet().stream().filter(key -> !FILTERS.contains(key)).sorted()
                .forEach(key -> errors.add("filters." + key, "is not a filter; use " + String.join(", ", new TreeSet<>(FILTERS))));
        errors.throwIfAny();
        return UserFilter.of(query(filters), filters.get("created_from"), filters.get("created_to"), tags);
    }

    private static PageQuery query(Map<String, String> filters) {
        var exact = new LinkedHashMap<>(filters);
        String q = exact.remove("q");
        exact.remove("created_from");
        exact.remove("created_to");
        return new PageQuery(1, 1, List.of(), exact, q);
    }
}
