package com.revolutiontradingpros.api.users.segments;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Accounts accounts;
    private final UserTags tags;

    SegmentsController(JdbcClient jdbc, JsonMapper json, Accounts accounts, UserTags tags) {
        this.jdbc = jdbc;
        this.json = json;
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
        return rows(null).stream().map(this::withCount).toList();
    }

    @PostMapping("/members/segments")
    @Operation(summary = "Save a segment (its filters are the user list's)")
    ResponseEntity<Segment> create(CurrentUser staff, @Valid @RequestBody NewSegment body) {
        check(body.filters());
        long id = jdbc.sql("INSERT INTO member_segments (name, description, filters, created_by) "
                        + "VALUES (:name, :description, CAST(:filters AS jsonb), :by) ON CONFLICT (name) DO NOTHING RETURNING id")
                .param("name", body.name().strip()).param("description", body.description())
                .param("filters", json.writeValueAsString(body.filters())).param("by", staff.id())
                .query(Long.class).optional()
                .orElseThrow(() -> ApiException.conflict("name_taken", "a segment with this name exists"));
        return ResponseEntity.created(URI.create("/members/segments/" + id)).body(get(id));
    }

    @PatchMapping("/members/segments/{id}")
    @Operation(summary = "Rename a segment or change its description or filters")
    Segment update(@PathVariable long id, @Valid @RequestBody SegmentChange body) {
        var current = find(id).orElseThrow(() -> ApiException.notFound("segment"));
        if (body.filters() != null) {
            check(body.filters());
        }
        int updated = jdbc.sql("""
                UPDATE member_segments SET name = :name, description = :description, filters = CAST(:filters AS jsonb), updated_at = now()
                WHERE id = :id AND NOT EXISTS (SELECT 1 FROM member_segments WHERE name = :name AND id <> :id)""")
                .param("name", body.name() == null ? current.name() : body.name().strip())
                .param("description", body.description() == null ? current.description() : body.description())
                .param("filters", json.writeValueAsString(body.filters() == null ? current.filters() : body.filters()))
                .param("id", id).update();
        if (updated == 0) {
            throw ApiException.conflict("name_taken", "a segment with this name exists");
        }
        return get(id);
    }

    @DeleteMapping("/members/segments/{id}")
    @Operation(summary = "Delete a segment")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (jdbc.sql("DELETE FROM member_segments WHERE id = :id").param("id", id).update() == 0) {
            throw ApiException.notFound("segment");
        }
        return ResponseEntity.noContent().build();
    }

    private Segment get(long id) {
        return find(id).map(this::withCount).orElseThrow(() -> ApiException.notFound("segment"));
    }

    private java.util.Optional<Segment> find(long id) {
        return rows(id).stream().findFirst();
    }

    /** Every segment, or only the one with {@code id}. */
    private List<Segment> rows(@Nullable Long id) {
        return jdbc.sql("SELECT id, name, description, filters::text AS filters, created_at, updated_at FROM member_segments "
                        + "WHERE CAST(:id AS bigint) IS NULL OR id = :id ORDER BY name")
                .param("id", id)
                .query((rs, n) -> new Segment(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                        json.readValue(rs.getString("filters"), new TypeReference<Map<String, String>>() { }), 0,
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    private Segment withCount(Segment segment) {
        var filters = new LinkedHashMap<>(segment.filters());
        String q = filters.remove("q");
        String from = filters.remove("created_from");
        String to = filters.remove("created_to");
        var query = new PageQuery(1, 1, List.of(), filters, q);
        var filter = UserFilter.of(query, from, to, tags);
        long count = accounts.count(query, filter.createdFrom(), filter.createdTo(), filter.only());
        return new Segment(segment.id(), segment.name(), segment.description(), segment.filters(), count, segment.createdAt(),
                segment.updatedAt());
    }

    private void check(Map<String, String> filters) {
        var errors = new FieldErrors();
        filters.keySet().stream().filter(key -> !FILTERS.contains(key)).sorted()
                .forEach(key -> errors.add("filters." + key, "is not a filter; use " + String.join(", ", new java.util.TreeSet<>(FILTERS))));
        errors.throwIfAny();
        var copy = new LinkedHashMap<>(filters);
        String q = copy.remove("q");
        String from = copy.remove("created_from");
        String to = copy.remove("created_to");
        UserFilter.of(new PageQuery(1, 1, List.of(), copy, q), from, to, tags);
    }
}
