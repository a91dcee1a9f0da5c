package com.revolutiontradingpros.api.email.accounts;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.auth.AccountDeleted;
import com.revolutiontradingpros.api.auth.AccountEmailChanged;
import com.revolutiontradingpros.api.auth.AccountErased;
import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.auth.MemberRegistered;

/** Account changes of auth, applied to contacts after their commit (retried from the event publication registry). */
@Component
class AccountEvents {

    private final AccountContacts contacts;
    private final Accounts accounts;

    AccountEvents(AccountContacts contacts, Accounts accounts) {
        this.contacts = contacts;
        this.accounts = accounts;
    }

    @ApplicationModuleListener
    void linkNewAccount(MemberRegistered event) {
        contacts.linkAddress(event.userId(), event.email());
    }

    /** Erasure only knows the user id, so the contact with the deleted account's address is linked while it is known. */
    @ApplicationModuleListener
    void linkBeforeErasure(AccountDeleted event) {
        accounts.find(event.userId()).ifPresent(account -> contacts.linkAddress(account.id(), account.email()));
    }

    @ApplicationModuleListener
    void followNewAddress(AccountEmailChanged event) {
        contacts.emailChanged(event.userId(), event.previousEmail(), event.email());
    }

    @ApplicationModuleListener
    void eraseContact(AccountErased event) {
        contacts.accountErased(event.userId());
    }
}
