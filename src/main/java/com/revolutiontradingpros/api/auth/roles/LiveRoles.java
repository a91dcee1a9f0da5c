package com.revolutiontradingpros.api.auth.roles;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.auth.accounts.AccountRepository;
import com.revolutiontradingpros.api.platform.cache.Caches;
import com.revolutiontradingpros.api.platform.cache.NamedCache;
import com.revolutiontradingpros.api.platform.security.CurrentRoles;
import com.revolutiontradingpros.api.platform.security.Role;

/**
 * Roles as stored, cached per node for a minute and dropped on every node when they change, so the request after a
 * change already carries it. A suspended or deleted account holds no role.
 */
@Component
public class LiveRoles implements CurrentRoles {

    private final AccountRepository accounts;
    private final NamedCache<Optional<Set<Role>>> cache;

    LiveRoles(AccountRepository accounts, Caches caches) {
        this.accounts = accounts;
        this.cache = caches.create("auth.roles", Duration.ofMinutes(1), 200_000);
    }

    @Override
    public Optional<Set<Role>> of(long userId) {
        return cache.get(Long.toString(userId), key -> accounts.findById(userId)
                .map(account -> account.active() ? account.roleSet() : Set.<Role>of()));
    }

    /** Call after changing a user's roles or status. */
    public void changed(long userId) {
        cache.invalidate(Long.toString(userId));
    }
}
