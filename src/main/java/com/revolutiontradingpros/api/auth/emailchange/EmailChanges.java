package com.revolutiontradingpros.api.auth.emailchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.auth.AccountEmailChanged;
import com.revolutiontradingpros.api.auth.accounts.Account;
import com.revolutiontradingpros.api.auth.accounts.AccountRepository;
import com.revolutiontradingpros.api.auth.accounts.AuthMail;
import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.auth.accounts.SecretTokens;
import com.revolutiontradingpros.api.auth.events.SecurityEvents;
import com.revolutiontradingpros.api.auth.passwords.Passwords;
import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * Changing the sign-in email: confirmed from the new address (link valid 24 hours), with a notice to the old one.
 * Whether the new address already has an account is not revealed when asking; the link is simply not sent.
 */
@Service
class EmailChanges {

    static final Duration VALID_FOR = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final Passwords passwords;
    private final SecurityEvents events;
    private final AuthMail mail;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    EmailChanges(JdbcClient jdbc, AccountRepository accounts, Passwords passwords, SecurityEvents events, AuthMail mail, Clock clock,
            ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.mail = mail;
        this.clock = clock;
    }

    @Transactional
    void request(long userId, String newEmail, String password, ClientInfo client) {
        var account = accounts.findById(userId).orElseThrow(() -> ApiException.notFound("user"));
        if (!passwords.matchesStored(password, account.passwordHash())) {
            throw ApiException.invalid("password", "is not your current password");
        }
        if (account.email().equalsIgnoreCase(newEmail)) {
            throw ApiException.invalid("new_email", "is already your email");
        }
        events.record(userId, "email_change_requested", client, Map.of("new_email", newEmail));
        if (accounts.findByEmail(newEmail).isPresent()) {
            return;
        }
        String token = SecretTokens.generate();
        Instant now = Instant.now(clock);
        jdbc.sql("INSERT INTO email_changes (user_id, new_email, token_hash, created_at, expires_at) VALUES (:user, :email, :hash, :now, :expires)")
                .param("user", userId).param("email", newEmail).param("hash", SecretTokens.hash(token))
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(VALID_FOR))).update();
        mail.confirmEmailChange(account, newEmail, token);
        mail.emailChangeRequested(account, newEmail);
    }

    @Transactional
    Account confirm(String token, ClientInfo client) {
        Instant now = Instant.now(clock);
        var change = jdbc.sql("SELECT id, user_id, new_email::text AS new_email, expires_at, confirmed_at FROM email_changes WHERE token_hash = :hash")
                .param("hash", SecretTokens.hash(token))
                .query((rs, n) -> new Change(rs.getLong("id"), rs.getLong("user_id"), rs.getString("new_email"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("confirmed_at") != null))
                .optional()
                .filter(c -> !c.confirmed())
                .orElseThrow(() -> ApiException.badRequest("token_invalid", "this confirmation link is not valid or was already used"));
        if (change.expiresAt().isBefore(now)) {
            throw ApiException.gone("token_expired", "this confirmation link has expired; ask again");
        }
        var before = accounts.findById(change.userId()).filter(Account::active)
                .orElseThrow(() -> ApiException.badRequest("token_invalid", "this confirmation link is not valid"));
        int changed = jdbc.sql("""
                UPDATE users SET email = :email, email_verified_at = :now, updated_at = :now
                WHERE id = :user AND NOT EXISTS (SELECT 1 FROM users WHERE email = :email)""")
                .param("email", change.newEmail()).param("now", Timestamp.from(now)).param("user", change.userId()).update();
        if (changed == 0) {
            throw ApiException.conflict("email_taken", "another account took this address in the meantime");
        }
        jdbc.sql("UPDATE email_changes SET confirmed_at = :now WHERE id = :id").param("now", Timestamp.from(now)).param("id", change.id()).update();
        events.record(change.userId(), "email_changed", client, Map.of("from", before.email(), "to", change.newEmail()));
        mail.emailChanged(before, change.newEmail());
        publisher.publishEvent(new AccountEmailChanged(change.userId(), before.email(), change.newEmail()));
        return accounts.findById(change.userId()).orElseThrow();
    }

    private record Change(long id, long userId, String newEmail, Instant expiresAt, boolean confirmed) {
    }
}
