package com.revolutiontradingpros.api.auth.passwords;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.auth.accounts.Account;
import com.revolutiontradingpros.api.auth.accounts.AccountRepository;
import com.revolutiontradingpros.api.auth.accounts.AuthMail;
import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.auth.accounts.SecretTokens;
import com.revolutiontradingpros.api.auth.events.SecurityEvents;
import com.revolutiontradingpros.api.auth.sessions.Sessions;
import com.revolutiontradingpros.api.platform.web.ApiException;

/** Password reset links (valid 60 minutes, single use) and password changes. */
@Service
public class PasswordResets {

    static final Duration VALID_FOR = Duration.ofMinutes(60);
    static final Duration INVITATION_VALID_FOR = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final Passwords passwords;
    private final Sessions sessions;
    private final SecurityEvents events;
    private final AuthMail mail;
    private final Clock clock;

    PasswordResets(JdbcClient jdbc, AccountRepository accounts, Passwords passwords, Sessions sessions, SecurityEvents events,
            AuthMail mail, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.events = events;
        this.mail = mail;
        this.clock = clock;
    }

    /** Sends a link when the email belongs to an active account; says nothing either way. */
    @Transactional
    void request(String email, ClientInfo client) {
        accounts.findByEmail(email).filter(Account::active).ifPresent(account -> {
            events.record(account.id(), "password_reset_requested", client, Map.of());
            mail.passwordReset(account, link(account, VALID_FOR));
        });
    }

    /** A reset link sent by the staff: a plain reset, or an invitation to set a first password (valid 7 days). */
    @Transactional
    public void sendFor(Account account, boolean invitation) {
        if (invitation) {
            mail.invitation(account, link(account, INVITATION_VALID_FOR));
        } else {
            mail.passwordReset(account, link(account, VALID_FOR));
        }
    }

    private String link(Account account, Duration validFor) {
        String token = SecretTokens.generate();
        Instant now = Instant.now(clock);
        jdbc.sql("INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) VALUES (:user, :hash, :now, :expires)")
                .param("user", account.id()).param("hash", SecretTokens.hash(token)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(validFor))).update();
        return token;
    }

    /** The account a usable link belongs to: 410 when it expired, 400 when used or unknown. */
    Account check(String token) {
        var link = jdbc.sql("SELECT user_id, expires_at, used_at FROM password_resets WHERE token_hash = :hash")
                .param("hash", SecretTokens.hash(token))
                .query((rs, n) -> new Link(rs.getLong("user_id"), rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("used_at") != null))
                .optional()
                .filter(l -> !l.used())
                .orElseThrow(PasswordResets::invalid);
        if (link.expiresAt().isBefore(Instant.now(clock))) {
            throw ApiException.gone("token_expired", "this reset link has expired; ask for a new one");
        }
        return accounts.findById(link.userId()).filter(Account::active).orElseThrow(PasswordResets::invalid);
    }

    /** Sets the new password, spends the link and signs out every session. */
    @Transactional
    void reset(String token, String newPassword, ClientInfo client) {
        var account = check(token);
        Instant now = Instant.now(clock);
        int spent = jdbc.sql("UPDATE password_resets SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL")
                .param("now", Timestamp.from(now)).param("hash", SecretTokens.hash(token)).update();
        if (spent == 0) {
            throw invalid();
        }
        accounts.updatePassword(account.id(), passwords.hash(newPassword), now);
        int revoked = sessions.revokeAll(account.id(), null, "password_reset");
        events.record(account.id(), "password_reset", client, Map.of("sessions_revoked", revoked));
        mail.passwordChanged(account);
    }

    /** Changes the password of a signed-in user who knows the current one; other sessions are signed out. */
    @Transactional
    void change(long userId, String currentPassword, String newPassword, @Nullable UUID keep,
            ClientInfo client) {
        var account = accounts.findById(userId).orElseThrow(() -> ApiException.notFound("user"));
        if (!passwords.matchesStored(currentPassword, account.passwordHash())) {
            throw ApiException.invalid("current_password", "is not your current password");
        }
        accounts.updatePassword(userId, passwords.hash(newPassword), Instant.now(clock));
        int revoked = sessions.revokeAll(userId, keep, "password_changed");
        events.record(userId, "password_changed", client, Map.of("sessions_revoked", revoked));
        mail.passwordChanged(account);
    }

    private static ApiException invalid() {
        return ApiException.badRequest("token_invalid", "this reset link is not valid or was already used");
    }

    private record Link(long userId, Instant expiresAt, boolean used) {
    }
}
