package com.revolutiontradingpros.api.email.me;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.auth.AccountView;
import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.email.accounts.AccountContacts;
import com.revolutiontradingpros.api.email.contacts.Contact;
import com.revolutiontradingpros.api.email.contacts.ContactChanges;
import com.revolutiontradingpros.api.email.contacts.ContactChanges.Actor;
import com.revolutiontradingpros.api.email.contacts.ContactRepository;
import com.revolutiontradingpros.api.email.lists.Memberships;
import com.revolutiontradingpros.api.email.lists.Memberships.ListMembership;
import com.revolutiontradingpros.api.email.suppressions.Suppressions;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

/**
 * The lists a person sees and changes for their own account address. Only a verified address is theirs to manage:
 * until then they see the public lists, none marked as joined, and cannot change anything.
 */
@Service
class MySubscriptions {

    private final Accounts accounts;
    private final AccountContacts accountContacts;
    private final ContactRepository contacts;
    private final ContactChanges changes;
    private final Memberships memberships;
    private final Suppressions suppressions;

    MySubscriptions(Accounts accounts, AccountContacts accountContacts, ContactRepository contacts, ContactChanges changes,
            Memberships memberships, Suppressions suppressions) {
        this.accounts = accounts;
        this.accountContacts = accountContacts;
        this.contacts = contacts;
        this.changes = changes;
        this.memberships = memberships;
        this.suppressions = suppressions;
    }

    record Subscriptions(String email, boolean emailVerified,
            @Schema(description = "the address's contact status; null before the address has a contact",
                    allowableValues = {"subscribed", "unsubscribed", "bounced", "complained"}) @Nullable String status,
            @Schema(description = "public lists, and every list the address is or was on, by name") List<ListSubscription> lists) {
    }

    record ListSubscription(long id, String name, String slug, @Nullable String description,
            @Schema(allowableValues = {"public", "private"}) String visibility, boolean subscribed,
            @Schema(allowableValues = {"admin", "import", "form", "workflow", "self", "api"}) @Nullable String source,
            @Nullable Instant subscribedAt, @Nullable Instant unsubscribedAt) {

        static ListSubscription of(ListMembership m) {
            return new ListSubscription(m.listId(), m.name(), m.slug(), m.description(), m.visibility(), m.subscribed(), m.source(),
                    m.subscribedAt(), m.unsubscribedAt());
        }
    }

    Subscriptions read(long userId) {
        var account = account(userId);
        var contact = account.emailVerified() ? accountContacts.find(userId).filter(c -> c.email().equalsIgnoreCase(account.email()))
                : java.util.Optional.<Contact>empty();
        return view(account, contact.orElse(null));
    }

    /** Joins (true) and leaves (false) lists, each applied only when it changes something. */
    @Transactional
    Subscriptions update(long userId, Map<String, Boolean> wanted) {
        var account = account(userId);
        if (!account.emailVerified()) {
            throw ApiException.forbidden("email_not_verified", "verify your email address before managing its subscriptions");
        }
        var contact = accountContacts.lockForChange(account);
        var visible = memberships.visibleTo(contact.id()).stream().collect(Collectors.toMap(ListMembership::listId, Function.identity()));
        var changesById = new TreeMap<Long, Boolean>();
        var errors = new FieldErrors();
        wanted.forEach((key, subscribe) -> {
            Long id = key.matches("[1-9]\\d{0,17}") ? Long.valueOf(key) : null;
            if (id == null || !visible.containsKey(id)) {
                errors.add("lists." + key, "is not a list you can join or leave");
            } else {
                changesById.put(id, subscribe);
            }
        });
        errors.throwIfAny();
        boolean joining = changesById.containsValue(Boolean.TRUE);
        if (joining && contact.suppressed()) {
            throw ApiException.conflict("address_suppressed",
                    "this address " + contact.status() + "; it cannot be added to lists (contact support to lift it)");
        }
        if (joining && "unsubscribed".equals(contact.status())) {
            // Only the person re-subscribes an unsubscribed contact (rule 26): joining a list themselves is that.
            contacts.resubscribe(contact.id());
            changes.record(contact.id(), Actor.RECIPIENT, userId, "status_changed", Map.of("from", "unsubscribed", "to", "subscribed"));
        }
        if (joining) {
            suppressions.liftErasure(contact.email());
        }
        boolean changed = false;
        for (var change : changesById.entrySet()) {
            long listId = change.getKey();
            if (change.getValue() ? memberships.join(listId, contact.id(), "self", null) : memberships.leave(listId, contact.id())) {
                changes.record(contact.id(), Actor.RECIPIENT, userId, change.getValue() ? "list_added" : "list_removed",
                        Map.of("list_id", listId, "list", visible.get(listId).slug(), "source", "self"));
                changed = true;
            }
        }
        if (changed) {
            contacts.touch(contact.id());
        }
        return view(account, contacts.findForUser(userId).orElseThrow());
    }

    private Subscriptions view(AccountView account, @Nullable Contact contact) {
        var lists = memberships.visibleTo(contact == null ? null : contact.id()).stream().map(ListSubscription::of).toList();
        return new Subscriptions(account.email(), account.emailVerified(), contact == null ? null : contact.status(), lists);
    }

    private AccountView account(long userId) {
        return accounts.find(userId).orElseThrow(() -> ApiException.notFound("account"));
    }
}
