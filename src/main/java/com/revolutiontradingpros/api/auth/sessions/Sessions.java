package com.revolutiontradingpros.api.auth.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.auth.accounts.Account;
import com.revolutiontradingpros.api.auth.accounts.AccountRepository;
import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.auth.accounts.SecretTokens;
import com.revolutiontradingpros.api.auth.events.SecurityEvents;
import com.revolutiontradingpros.api.platform.security.AccessTokens;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.SessionRevocations;
import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * Signed-in sessions: a refresh token family per sign-in, rotated on every refresh. Refresh tokens slide 30 days
 * from their last use within an absolute 90 days from sign-in. A rotated token presented again means it leaked:
 * the whole family is revoked.
 */
@Service
public class Sessions {

    static final Duration SLIDING = Duration.ofDays(30);
    static final Duration ABSOLUTE = Duration.ofDays(90);

    private final SessionRepository sessions;
    private final AccountRepository accounts;
    private final AccessTokens accessTokens;
    private final SessionRevocations revocations;
    private final SecurityEvents events;
    private final Clock clock;

    Sessions(SessionRepository sessions, AccountRepository accounts, AccessTokens accessTokens,
            SessionRevocations revocations, SecurityEvents events, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.revocations = revocations;
        this.events = events;
        this.clock = clock;
    }

    /** A fresh pair of tokens for a sign-in. */
    @Transactional
    public Issued start(Account account, ClientInfo client) {
        Instant now = Instant.now(clock);
        UUID family = UUID.randomUUID();
        String refresh = SecretTokens.generate();
        sessions.insert(family, account.id(), SecretTokens.hash(refresh), family, null, client, null, now, now,
                min(now.plus(SLIDING), now.plus(ABSOLUTE)));
        return issued(account, family, refresh);
    }

    public boolean knownDevice(long userId, ClientInfo client) {
        return sessions.knownDevice(userId, client.userAgent());
    }

    /** Rotates a refresh token: the old one is spent, a new pair comes back. */
    @Transactional(noRollbackFor = ApiException.class)
    public Refreshed refresh(String refreshToken, ClientInfo client) {
        Instant now = Instant.now(clock);
        byte[] hash = SecretTokens.hash(refreshToken);
        var rotated = sessions.rotate(hash, now);
        if (rotated.isEmpty()) {
            var known = sessions.findByToken(hash);
            if (known.isPresent() && (known.get().rotated() || known.get().revoked())) {
                var row = known.get();
                revoke(row.familyId(), null, "token_reused", now);
                events.record(row.userId(), "token_reuse", client, Map.of("session_id", row.familyId().toString()));
                throw ApiException.unauthorized("token_reused", "this refresh token was already used; the session is revoked");
            }
            if (known.isPresent()) {
                throw ApiException.unauthorized("token_expired", "the session has expired; sign in again");
            }
            throw ApiException.unauthorized("invalid_token", "unknown refresh token");
        }
        var row = rotated.get();
        var account = accounts.findById(row.userId()).filter(Account::active).orElse(null);
        if (account == null) {
            revoke(row.familyId(), null, "account_inactive", now);
            throw ApiException.forbidden("account_suspended", "this account is suspended or deleted");
        }
        String refresh = SecretTokens.generate();
        sessions.insert(UUID.randomUUID(), account.id(), SecretTokens.hash(refresh), row.familyId(), row.id(), client,
                row.deviceName(), row.startedAt(), now, min(now.plus(SLIDING), row.startedAt().plus(ABSOLUTE)));
        return new Refreshed(account, issued(account, row.familyId(), refresh));
    }

    /** Revokes one session (a family); {@code userId} restricts it to that user's sessions. True if it was live. */
    @Transactional
    public boolean revoke(UUID sessionId, @Nullable Long userId, String reason) {
        return revoke(sessionId, userId, reason, Instant.now(clock));
    }

    /** Revokes every session of the user except {@code keep}; returns how many. */
    @Transactional
    public int revokeAll(long userId, @Nullable UUID keep, String reason) {
        Instant now = Instant.now(clock);
        List<UUID> revoked = sessions.revokeAllOf(userId, keep, reason, now);
        revoked.forEach(family -> revocations.revoke(family.toString(), now.plus(accessTokens.lifetime())));
        return revoked.size();
    }

    List<SessionRepository.LiveSession> live(long userId) {
        return sessions.live(userId, Instant.now(clock));
    }

    boolean rename(long userId, UUID sessionId, String name) {
        return sessions.rename(userId, sessionId, name);
    }

    private boolean revoke(UUID family, @Nullable Long userId, String reason, Instant now) {
        var revoked = sessions.revokeFamily(family, userId, reason, now);
        if (!revoked.isEmpty()) {
            // Access tokens of the session stay refused for as long as any of them can be valid.
            revocations.revoke(family.toString(), now.plus(accessTokens.lifetime()));
        }
        return revoked.contains(Boolean.TRUE);
    }

    private Issued issued(Account account, UUID family, String refresh) {
        String access = accessTokens.issue(new CurrentUser(account.id(), family.toString(), account.roleSet(), null));
        return new Issued(access, refresh, family, accessTokens.lifetime().toSeconds());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public record Issued(String accessToken, String refreshToken, UUID sessionId, long expiresIn) {
    }

    public record Refreshed(Account account, Issued tokens) {
    }
}
