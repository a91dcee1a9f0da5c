package com.revolutiontradingpros.api.auth;

import java.util.Optional;

import org.springframework.stereotype.Service;

import com.revolutiontradingpros.api.auth.accounts.Account;
import com.revolutiontradingpros.api.auth.accounts.AccountRepository;
import com.revolutiontradingpros.api.platform.security.Role;

/** What other modules may ask of accounts: they never read the users table themselves. */
@Service
public class Accounts {

    private final AccountRepository accounts;

    Accounts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public Optional<AccountView> find(long id) {
        return accounts.findById(id).map(Accounts::view);
    }

    /** Changes the account's display name; false when there is no such account. */
    public boolean rename(long id, String name) {
        return accounts.rename(id, name);
    }

    static AccountView view(Account account) {
        return new AccountView(account.id(), account.email(), account.name(),
                account.roleSet().stream().sorted().map(Role::wireName).toList(), account.status(),
                account.emailVerifiedAt() != null, account.mfaEnabled(), account.createdAt(), account.lastLoginAt());
    }
}
