package com.revolutiontradingpros.api.users.admin;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.auth.AccountStats;
import com.revolutiontradingpros.api.auth.AccountView;
import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;
import com.revolutiontradingpros.api.users.activity.ActivityLog;
import com.revolutiontradingpros.api.users.notes.UserNotes;
import com.revolutiontradingpros.api.users.profiles.ProfilePatch;
import com.revolutiontradingpros.api.users.profiles.ProfileRepository;
import com.revolutiontradingpros.api.users.tags.UserTags;

/** The staff's user administration. Every change is written to the user's activity log with its actor. */
@RestController
@RequiresRole(Role.ADMIN)
@Tag(name = "Users")
class UsersAdminController {

    private final Accounts accounts;
    private final UserTags tags;
    private final UserNotes notes;
    private final ActivityLog activity;
    private final ProfileRepository profiles;

    UsersAdminController(Accounts accounts, UserTags tags, UserNotes notes, ActivityLog activity, ProfileRepository profiles) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.tags = tags;
        this.notes = notes;
        this.activity = activity;
    }

    record UserDetail(AccountView account, List<String> tags, long notesCount) {
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    record NewUser(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 100) String name,
            @Nullable @Size(max = 5) List<@NotNull String> roles, @Nullable Boolean invite) {
    }

    /** For the API docs: PATCH /users/{id} takes any subset of the profile fields, name and email. */
    record UserUpdate(String name, String email, @Nullable String displayName, @Nullable String timezone, @Nullable String locale,
            @Nullable String phone, @Nullable String country, @Nullable String tradingExperience, @Nullable String bio,
            @Nullable String tradingviewUsername, @Nullable String thinkorswimUsername, boolean marketingOptIn, @Nullable String websiteUrl,
            @Schema(description = "merged into the links: a network set to null is removed") @Nullable Map<String, @Nullable String> socialLinks) {
    }

    record SetRoles(@NotNull @Size(min = 1, max = 5) List<@NotNull String> roles) {
    }

    record Suspend(@Nullable @Size(max = 500) String reason) {
    }

    record SetTags(@NotNull @Size(max = 100) List<String> tags) {
    }

    @GetMapping("/users")
    @Operation(summary = "Users: q searches name and email; filter by role, status (deleted users only when asked), verified, mfa, tag; "
            + "created_from/created_to dates")
    Page<AccountView> list(@PageParams(sort = {"created_at", "last_login_at", "name", "email"}, defaultSort = "-created_at",
                    filters = {"role", "status", "verified", "mfa", "tag"}, searchable = true) PageQuery query,
            @Parameter(description = "YYYY-MM-DD or RFC 3339") @RequestParam(name = "created_from", required = false) @Nullable String createdFrom,
            @Parameter(description = "YYYY-MM-DD or RFC 3339, exclusive") @RequestParam(name = "created_to", required = false) @Nullable String createdTo) {
        var filter = UserFilter.of(query, createdFrom, createdTo, tags);
        return query.page(accounts.search(query, filter.createdFrom(), filter.createdTo(), filter.only()),
                accounts.count(query, filter.createdFrom(), filter.createdTo(), filter.only()));
    }

    @PostMapping("/users")
    @Transactional
    @Operation(summary = "Create a user; with invite, they get an email to choose their password (valid 7 days)")
    ResponseEntity<UserDetail> create(CurrentUser staff, @Valid @RequestBody NewUser body, HttpServletRequest request) {
        var roles = roles(body.roles() == null ? List.of("member") : body.roles());
        var account = accounts.create(staff, body.email().strip().toLowerCase(java.util.Locale.ROOT), body.name().strip(), roles,
                Boolean.TRUE.equals(body.invite()));
        activity.record(account.id(), staff.id(), "created", Map.of("roles", account.roles(), "invited", Boolean.TRUE.equals(body.invite())),
                request.getRemoteAddr());
        return ResponseEntity.created(java.net.URI.create("/users/" + account.id())).body(get(account.id()));
    }

    @GetMapping("/users/stats")
    @Operation(summary = "Counts by role and status, sign-ups per day (from/to, default the last 30 days), verified and MFA shares")
    AccountStats stats(@Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "YYYY-MM-DD, exclusive") @RequestParam(required = false) @Nullable String to) {
        var errors = new FieldErrors();
        Instant end = errors.instant(to, "to");
        Instant start = errors.instant(from, "from");
        errors.throwIfAny();
        Instant until = end == null ? java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC) : end;
        Instant since = start == null ? until.minus(java.time.Duration.ofDays(30)) : start;
        if (!since.isBefore(until) || java.time.Duration.between(since, until).toDays() > 366) {
            errors.add("to", "must be after from, at most 366 days later").throwIfAny();
        }
        return accounts.stats(since, until);
    }

    @GetMapping("/users/{id}")
    @Operation(summary = "A user with roles, status, MFA, tags and notes count")
    UserDetail get(@PathVariable long id) {
        var account = accounts.find(id).orElseThrow(() -> ApiException.notFound("user"));
        return new UserDetail(account, tags.of(id), notes.count(id));
    }

    @PatchMapping("/users/{id}")
    @Transactional
    @Operation(summary = "Change a user's profile fields, name or email (the email must be verified again); status changes go "
            + "through suspend, unsuspend, delete and restore")
    UserDetail update(CurrentUser staff, @PathVariable long id, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = UserUpdate.class))) @RequestBody Map<String, Object> patch, HttpServletRequest request) {
        var account = accounts.find(id).orElseThrow(() -> ApiException.notFound("user"));
        var fields = new java.util.HashMap<>(patch);
        Object email = fields.remove("email");
        var changes = new java.util.LinkedHashMap<String, Object>();
        if (email != null) {
            if (!(email instanceof String text) || !EMAIL.matcher(text.strip()).matches()) {
                throw ApiException.invalid("email", "must be a valid email address");
            }
            String normal = text.strip().toLowerCase(java.util.Locale.ROOT);
            if (!normal.equals(account.email())) {
                accounts.changeEmail(staff, id, normal);
                changes.put("email", Map.of("from", account.email(), "to", normal));
            }
        }
        var before = profiles.find(id);
        var result = ProfilePatch.apply(fields, before, account.name());
        profiles.save(id, result.profile());
        if (!result.name().equals(account.name())) {
            accounts.rename(id, result.name());
        }
        changes.putAll(ProfilePatch.changes(before, account.name(), result));
        if (!changes.isEmpty()) {
            activity.record(id, staff.id(), "updated", Map.of("changes", changes), request.getRemoteAddr());
        }
        return get(id);
    }

    @PostMapping("/users/{id}/password-reset")
    @Transactional
    @Operation(summary = "Email the user a password reset link")
    ResponseEntity<UserDetail> passwordReset(CurrentUser staff, @PathVariable long id, HttpServletRequest request) {
        accounts.sendPasswordReset(id);
        activity.record(id, staff.id(), "password_reset_sent", Map.of(), request.getRemoteAddr());
        return ResponseEntity.accepted().body(get(id));
    }

    @PostMapping("/users/{id}/verify-email")
    @Transactional
    @Operation(summary = "Mark the user's email verified by hand (logged)")
    UserDetail verifyEmail(CurrentUser staff, @PathVariable long id, HttpServletRequest request) {
        accounts.markEmailVerified(id);
        activity.record(id, staff.id(), "email_verified_by_staff", Map.of(), request.getRemoteAddr());
        return get(id);
    }

    @PutMapping("/users/{id}/roles")
    @Transactional
    @Operation(summary = "Set roles; only a super admin grants or changes admin roles; the last super admin stays")
    UserDetail setRoles(CurrentUser staff, @PathVariable long id, @Valid @RequestBody SetRoles body, HttpServletRequest request) {
        var before = accounts.setRoles(staff, id, roles(body.roles()));
        var after = accounts.find(id).orElseThrow();
        activity.record(id, staff.id(), "roles_changed", Map.of("changes", Map.of("roles", Map.of("from", before.roles(), "to", after.roles()))),
                request.getRemoteAddr());
        return get(id);
    }

    @PostMapping("/users/{id}/suspend")
    @Transactional
    @Operation(summary = "Suspend a user: signed out everywhere within a second, sign-in refused")
    UserDetail suspend(CurrentUser staff, @PathVariable long id, @Valid @RequestBody(required = false) @Nullable Suspend body,
            HttpServletRequest request) {
        var before = accounts.suspend(staff, id);
        statusChanged(staff, id, "suspended", before, body == null ? null : body.reason(), request);
        return get(id);
    }

    @PostMapping("/users/{id}/unsuspend")
    @Transactional
    @Operation(summary = "Lift a suspension")
    UserDetail unsuspend(CurrentUser staff, @PathVariable long id, HttpServletRequest request) {
        var before = accounts.unsuspend(staff, id);
        statusChanged(staff, id, "unsuspended", before, null, request);
        return get(id);
    }

    @DeleteMapping("/users/{id}")
    @Transactional
    @Operation(summary = "Soft-delete a user (signed out, hidden from lists, restorable for 30 days)")
    ResponseEntity<Void> delete(CurrentUser staff, @PathVariable long id, HttpServletRequest request) {
        var before = accounts.delete(staff, id);
        statusChanged(staff, id, "deleted", before, null, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users/{id}/restore")
    @Transactional
    @Operation(summary = "Restore a soft-deleted user within 30 days")
    UserDetail restore(CurrentUser staff, @PathVariable long id, HttpServletRequest request) {
        var before = accounts.restore(staff, id);
        statusChanged(staff, id, "restored", before, null, request);
        return get(id);
    }

    @PutMapping("/users/{id}/tags")
    @Transactional
    @Operation(summary = "Set a user's tags (lowercase, 1 to 50 characters, at most 50)")
    UserDetail setTags(CurrentUser staff, @PathVariable long id, @Valid @RequestBody SetTags body, HttpServletRequest request) {
        accounts.find(id).orElseThrow(() -> ApiException.notFound("user"));
        var before = tags.of(id);
        var after = tags.replace(id, body.tags());
        activity.record(id, staff.id(), "tags_changed", Map.of("changes", Map.of("tags", Map.of("from", before, "to", after))),
                request.getRemoteAddr());
        return get(id);
    }

    @GetMapping("/users/{id}/activity")
    @Operation(summary = "A user's activity log, newest first")
    Page<ActivityLog.Entry> activity(@PathVariable long id,
            @PageParams(sort = {"created_at"}, defaultSort = "-created_at", filters = {"action"}) PageQuery query) {
        accounts.find(id).orElseThrow(() -> ApiException.notFound("user"));
        return query.page(activity.list(id, query), activity.count(id, query));
    }

    private static Set<Role> roles(List<String> names) {
        var roles = EnumSet.noneOf(Role.class);
        var errors = new FieldErrors();
        names.forEach(name -> Role.fromWireName(name).ifPresentOrElse(roles::add, () -> errors.add("roles", "unknown role " + name)));
        errors.throwIfAny();
        return roles;
    }

    private void statusChanged(CurrentUser staff, long id, String action, AccountView before, @Nullable String reason,
            HttpServletRequest request) {
        var after = accounts.find(id).orElseThrow();
        var meta = new java.util.HashMap<String, Object>();
        meta.put("changes", Map.of("status", Map.of("from", before.status(), "to", after.status())));
        if (reason != null && !reason.isBlank()) {
            meta.put("reason", reason.strip());
        }
        activity.record(id, staff.id(), action, meta, request.getRemoteAddr());
    }
}
