package com.revolutiontradingpros.api.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.auth.accounts.Account;
import com.revolutiontradingpros.api.auth.accounts.AccountRepository;
import com.revolutiontradingpros.api.auth.accounts.AccountSearch;
import com.revolutiontradingpros.api.auth.passwords.PasswordResets;
import com.revolutiontradingpros.api.auth.roles.LiveRoles;
import com.revolutiontradingpros.api.auth.sessions.Sessions;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * What other modules may ask of accounts (they never read the users table themselves), including the staff's
 * changes with the role rules of 03-users: only a super admin grants or changes admin roles, and the last active
 * super admin cannot be demoted, suspended or deleted.
 */
@Service
public class Accounts {

    /** How long a deleted account can be restored before its personal data is erased. */
    public static final Duration RESTORABLE_FOR = Duration.ofDays(30);
    private static final Set<Role> STAFF_ONLY = EnumSet.of(Role.ADMIN, Role.SUPER_ADMIN);

    private final AccountRepository accounts;
    private final AccountSearch search;
    private final Sessions sessions;
    private final LiveRoles liveRoles;
    private final PasswordResets resets;
    private final ApplicationEventPublisher events;

    Accounts(AccountRepository accounts, AccountSearch search, Sessions sessions, LiveRoles liveRoles, PasswordResets resets,
            ApplicationEventPublisher events) {
        this.resets = resets;
        this.events = events;
        this.accounts = accounts;
        this.search = search;
        this.sessions = sessions;
        this.liveRoles = liveRoles;
    }

    public Optional<AccountView> find(long id) {
        return accounts.findById(id).map(Accounts::view);
    }

    /** The accounts among the ids, by id; ids without an account are left out. */
    public Map<Long, AccountView> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var query = new PageQuery(1, ids.size(), List.of(), Map.of(), null);
        var found = new HashMap<Long, AccountView>();
        search.find(query, null, null, ids).forEach(account -> found.put(account.id(), view(account)));
        return found;
    }

    public List<AccountView> search(PageQuery query, @Nullable Instant createdFrom, @Nullable Instant createdTo,
            @Nullable Collection<Long> only) {
        return search.find(query, createdFrom, createdTo, only).stream().map(Accounts::view).toList();
    }

    /** Streams every matching account (inside one read-only transaction, so PostgreSQL uses a cursor). */
    @Transactional(readOnly = true)
    public void stream(PageQuery query, @Nullable Instant createdFrom, @Nullable Instant createdTo, @Nullable Collection<Long> only,
            java.util.function.Consumer<AccountView> each) {
        search.stream(query, createdFrom, createdTo, only, account -> each.accept(view(account)));
    }

    public long count(PageQuery query, @Nullable Instant createdFrom, @Nullable Instant createdTo, @Nullable Collection<Long> only) {
        return search.count(query, createdFrom, createdTo, only);
    }

    public AccountStats stats(Instant from, Instant to) {
        return search.stats(from, to);
    }

    /** Changes the account's display name; false when there is no such account. */
    public boolean rename(long id, String name) {
        return accounts.rename(id, name);
    }

    /** A staff-created account; with {@code invite}, a link to choose a password is emailed. */
    @Transactional
    public AccountView create(CurrentUser actor, String email, String name, Set<Role> roles, boolean invite) {
        var names = roleNames(actor, roles, null);
        var account = accounts.insert(email, name, names)
                .orElseThrow(() -> ApiException.conflict("email_taken", "an account with this email already exists"));
        if (invite) {
            resets.sendFor(account, true);
        }
        return view(account);
    }

    /**
     * Creates or updates accounts by email in one statement, so a batch applies whole or not at all; returns each
     * email's outcome. Idempotent: the same rows again are all unchanged.
     */
    @Transactional
    public Map<String, ImportedAccount.Outcome> importAccounts(List<ImportedAccount> rows) {
        return accounts.upsertImported(rows);
    }

    /** The ids of the accounts with these emails (emails compare case-insensitively). */
    public Map<String, Long> idsByEmail(Collection<String> emails) {
        return accounts.idsByEmail(emails);
    }

    /** Changes a user's email (it must be verified again); 409 when another account has it. */
    @Transactional
    public AccountView changeEmail(CurrentUser actor, long id, String email) {
        var target = requireChangeableBy(actor, id);
        if (!accounts.changeEmail(id, email)) {
            throw ApiException.conflict("email_taken", "an account with this email already exists");
        }
        if (!target.email().equalsIgnoreCase(email)) {
            events.publishEvent(new AccountEmailChanged(id, target.email(), email));
        }
        return view(target);
    }

    public void markEmailVerified(long id) {
        require(id);
        accounts.forceEmailVerified(id);
    }

    public void sendPasswordReset(long id) {
        var target = require(id);
        if (!target.active()) {
            throw ApiException.conflict("account_inactive", "the user is suspended or deleted");
        }
        resets.sendFor(target, false);
    }

    /** Replaces a user's roles (member is always kept); returns the account before the change. */
    @Transactional
    public AccountView setRoles(CurrentUser actor, long id, Set<Role> roles) {
        var target = require(id);
        var names = roleNames(actor, roles, target);
        if (target.roleSet().contains(Role.SUPER_ADMIN) && !names.contains(Role.SUPER_ADMIN.wireName())) {
            requireAnotherSuperAdmin(target);
        }
        accounts.setRoles(id, names);
        liveRoles.changed(id);
        return view(target);
    }

    /** Suspends a user: signed out everywhere, sign-in refused. */
    @Transactional
    public AccountView suspend(CurrentUser actor, long id) {
        return deactivate(actor, id, "suspended", "suspended");
    }

    @Transactional
    public AccountView unsuspend(CurrentUser actor, long id) {
        var target = requireChangeableBy(actor, id);
        if (!"suspended".equals(target.status())) {
            throw ApiException.conflict("not_suspended", "this user is not suspended");
        }
        accounts.setStatus(id, "active");
        liveRoles.changed(id);
        return view(target);
    }

    /** Soft-deletes a user: signed out everywhere and hidden from lists; restorable for 30 days. */
    @Transactional
    public AccountView delete(CurrentUser actor, long id) {
        return deactivate(actor, id, "deleted", "deleted_by_admin");
    }

    @Transactional
    public AccountView restore(CurrentUser actor, long id) {
        var target = requireChangeableBy(actor, id);
        if (!"deleted".equals(target.status())) {
            throw ApiException.conflict("not_deleted", "this user is not deleted");
        }
        if (accounts.deletedBefore(id, Instant.now().minus(RESTORABLE_FOR))) {
            throw ApiException.gone("restore_expired", "the 30 days to restore this user have passed");
        }
        accounts.setStatus(id, "active");
        liveRoles.changed(id);
        return view(target);
    }

    /** The roles as stored (member always included), after checking the actor may grant them. */
    private static List<String> roleNames(CurrentUser actor, Set<Role> roles, @Nullable Account target) {
        var wanted = EnumSet.of(Role.MEMBER);
        wanted.addAll(roles);
        boolean touchesStaff = wanted.stream().anyMatch(STAFF_ONLY::contains)
                || (target != null && target.roleSet().stream().anyMatch(STAFF_ONLY::contains));
        if (touchesStaff && !actor.roles().contains(Role.SUPER_ADMIN)) {
            throw ApiException.forbidden("forbidden", "only a super admin can grant or change admin roles");
        }
        var names = new ArrayList<String>();
        wanted.forEach(role -> names.add(role.wireName()));
        return names;
    }

    /** Takes an account out of use (suspended or deleted): signed out everywhere, roles gone on the next request. */
    private AccountView deactivate(CurrentUser actor, long id, String status, String revokeReason) {
        var target = requireChangeableBy(actor, id);
        requireAnotherSuperAdmin(target);
        accounts.setStatus(id, status);
        sessions.revokeAll(id, null, revokeReason);
        liveRoles.changed(id);
        return view(target);
    }

    private Account require(long id) {
        return accounts.findById(id).orElseThrow(() -> ApiException.notFound("user"));
    }

    private Account requireChangeableBy(CurrentUser actor, long id) {
        var target = require(id);
        if (target.roleSet().contains(Role.SUPER_ADMIN) && !actor.roles().contains(Role.SUPER_ADMIN)) {
            throw ApiException.forbidden("forbidden", "only a super admin can change a super admin");
        }
        return target;
    }

    private void requireAnotherSuperAdmin(Account target) {
        if (target.roleSet().contains(Role.SUPER_ADMIN) && target.active() && accounts.activeSuperAdmins() <= 1) {
            throw ApiException.conflict("last_super_admin", "the last super admin must stay");
        }
    }

    static AccountView view(Account account) {
        return new AccountView(account.id(), account.email(), account.name(),
                account.roleSet().stream().sorted().map(Role::wireName).toList(), account.status(),
                account.emailVerifiedAt() != null, account.mfaEnabled(), account.createdAt(), account.lastLoginAt());
    }
}
