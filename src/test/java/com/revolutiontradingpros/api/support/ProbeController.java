package com.revolutiontradingpros.api.support;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.ratelimit.RateLimit;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.security.RequiresAbility;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.Conditional;

/** Test-only routes that exercise the platform kernel the way module controllers use it. */
@RestController
class ProbeController {

    record WidgetRequest(@NotBlank @Size(max = 20) String name, @Min(1) @Max(99) int quantity, @Email String ownerEmail) {
    }

    record Widget(long id, String name, int quantity, Instant updatedAt) {
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Widget> widgets = new ConcurrentHashMap<>();

    @PostMapping("/_probe/widgets")
    @Public
    ResponseEntity<Widget> create(@Valid @RequestBody WidgetRequest request) {
        var widget = new Widget(ids.incrementAndGet(), request.name(), request.quantity(), Instant.now());
        widgets.put(widget.id(), widget);
        return ResponseEntity.created(URI.create("/_probe/widgets/" + widget.id())).body(widget);
    }

    @GetMapping("/_probe/widgets/{id}")
    @Public
    ResponseEntity<Widget> get(@PathVariable long id, HttpServletRequest request) {
        var widget = find(id);
        String etag = Conditional.etagOf(widget.id(), widget.updatedAt());
        if (Conditional.notModified(request, etag)) {
            return ResponseEntity.status(304).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache()).body(widget);
    }

    @PutMapping("/_probe/widgets/{id}")
    @Public
    ResponseEntity<Widget> update(@PathVariable long id, @Valid @RequestBody WidgetRequest body, HttpServletRequest request) {
        var widget = find(id);
        Conditional.requireCurrent(request, Conditional.etagOf(widget.id(), widget.updatedAt()));
        var updated = new Widget(id, body.name(), body.quantity(), Instant.now());
        widgets.put(id, updated);
        return ResponseEntity.ok().eTag(Conditional.etagOf(id, updated.updatedAt())).body(updated);
    }

    @GetMapping("/_probe/widgets")
    @Public
    Page<Widget> list(@PageParams(sort = {"name", "quantity"}, defaultSort = "name", filters = {"name"}, searchable = true) PageQuery query) {
        var all = widgets.values().stream()
                .filter(w -> query.filter("name").map(w.name()::equals).orElse(true))
                .filter(w -> query.search().map(q -> w.name().contains(q)).orElse(true))
                .sorted(Comparator.comparing(Widget::name))
                .toList();
        var slice = all.stream().skip(query.offset()).limit(query.limit()).toList();
        return query.page(slice, all.size());
    }

    @GetMapping("/_probe/conflict")
    @Public
    void conflict() {
        throw new DataIntegrityViolationException("duplicate key value violates unique constraint \"users_email_key\"");
    }

    @GetMapping("/_probe/crash")
    @Public
    void crash() {
        throw new IllegalStateException("SELECT secret FROM users; at com.example.Internal");
    }

    @GetMapping("/_probe/unavailable")
    @Public
    void unavailable() {
        throw ApiException.unavailable("the probe's dependency is down");
    }

    @GetMapping("/_probe/limited")
    @Public
    @RateLimit(name = "probe", capacity = 3, period = "1m")
    Map<String, String> limited() {
        return Map.of("ok", "yes");
    }

    @GetMapping("/_probe/admin")
    @RequiresRole(Role.ADMIN)
    Map<String, Long> admin(CurrentUser user) {
        return Map.of("user_id", user.id());
    }

    @GetMapping("/_probe/posts")
    @RequiresAbility("posts:read")
    Map<String, String> readPosts() {
        return Map.of("read", "ok");
    }

    @PostMapping("/_probe/posts")
    @RequiresAbility("posts:write")
    @RequiresRole(Role.AUTHOR)
    Map<String, String> writePosts() {
        return Map.of("written", "ok");
    }

    @GetMapping("/_probe/me")
    Map<String, Object> me(CurrentUser user) {
        return Map.of("user_id", user.id(), "roles", List.copyOf(user.roles()).stream().map(Role::wireName).sorted().toList());
    }

    private Widget find(long id) {
        var widget = widgets.get(id);
        if (widget == null) {
            throw ApiException.notFound("widget");
        }
        return widget;
    }
}
