package com.revolutiontradingpros.api.email.accounts;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.auth.AccountView;
import com.revolutiontradingpros.api.email.contacts.Contact;
import com.revolutiontradingpros.api.email.contacts.ContactChanges;
import com.revolutiontradingpros.api.email.contacts.ContactChanges.Actor;
import com.revolutiontradingpros.api.email.contacts.ContactRepository;
import com.revolutiontradingpros.api.email.contacts.EmailHashes;
import com.revolutiontradingpros.api.email.lists.Memberships;
import com.revolutiontradingpros.api.email.suppressions.Suppressions;

/**
 * Keeps one contact per account: the contact with the account's address, linked by user id. An address belongs to
 * one account at a time, so a contact linked to another user is a stale link (that user changed address) and moves.
 */
@Service
public class AccountContacts {

    private static final Logger log = LoggerFactory.getLogger(AccountContacts.class);

    private final ContactRepository contacts;
    private final ContactChanges changes;
    private final Memberships memberships;
    private final Suppressions suppressions;

    AccountContacts(ContactRepository contacts, ContactChanges changes, Memberships memberships, Suppressions suppressions) {
        this.contacts = contacts;
        this.changes = changes;
        this.memberships = memberships;
        this.suppressions = suppressions;
    }

    /** The account's contact, read without a lock; empty when the account never had one. */
    public Optional<Contact> find(long userId) {
        return contacts.findForUser(userId);
    }

    /**
     * The account's contact, locked for a change by its owner: the contact with the account's address, linked to it,
     * or a new one (source {@code account}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Contact lockForChange(AccountView account) {
        var linked = contacts.lockForUser(account.id());
        if (linked.isPresent() && linked.get().email().equalsIgnoreCase(account.email())) {
            return linked.get();
        }
        var atAddress = contacts.lockByEmail(account.email());
        if (atAddress.isEmpty()) {
            contacts.insert(account.email(), account.name(), "account", null)
                    .ifPresent(id -> changes.record(id, Actor.RECIPIENT, account.id(), "created", Map.of("source", "account")));
            // Ours, or a concurrent request's: either way it exists now.
            atAddress = contacts.lockByEmail(account.email());
        }
        link(atAddress.orElseThrow(), account.id());
        return contacts.lockForUser(account.id()).orElseThrow();
    }

    /**
     * Links the contact that has the account's address (a newsletter reader or an imported lead before the account
     * existed), so that it follows the account from now on.
     */
    @Transactional
    public void linkAddress(long userId, String email) {
        contacts.lockByEmail(email).ifPresent(contact -> link(contact, userId));
    }

    /**
     * The account's address changed: its contact takes the new address (old links die with token_version). When the
     * new address already has a contact of its own, that one is linked instead and the old one keeps its address.
     */
    @Transactional
    public void emailChanged(long userId, String previousEmail, String email) {
        var atNewAddress = contacts.lockByEmail(email);
        if (atNewAddress.isPresent()) {
            link(atNewAddress.get(), userId);
            return;
        }
        contacts.lockForUser(userId).or(() -> contacts.lockByEmail(previousEmail).filter(c -> c.userId() == null)).ifPresent(contact -> {
            contacts.changeEmail(contact.id(), email);
            changes.record(contact.id(), Actor.SYSTEM, userId, "email_changed", Map.of("reason", "account_email_changed"));
            link(contact, userId);
        });
    }

    /**
     * The account was erased (rule 36): its contact, memberships and change log are deleted, and the address is kept
     * only as a hash that stops imports and staff from adding it back.
     */
    @Transactional
    public void accountErased(long userId) {
        contacts.lockForUser(userId).ifPresent(contact -> {
            memberships.removeAll(contact.id());
            contacts.delete(contact.id());
            suppressions.suppressErased(EmailHashes.of(contact.email()));
            log.info("erased email contact {} of user {}", contact.id(), userId);
        });
    }

    /** Links the contact to the account, taking the link from any other contact of the account. */
    private void link(Contact contact, long userId) {
        if (contact.userId() != null && contact.userId() == userId) {
            return;
        }
        contacts.lockForUser(userId).ifPresent(other -> {
            contacts.linkUser(other.id(), null);
            changes.record(other.id(), Actor.SYSTEM, userId, "linked", Map.of("user_id", "none", "previous_user_id", userId));
        });
        contacts.linkUser(contact.id(), userId);
        changes.record(contact.id(), Actor.SYSTEM, userId, "linked", Map.of("user_id", userId));
    }
}
