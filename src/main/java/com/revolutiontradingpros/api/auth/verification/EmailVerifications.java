package com.revolutiontradingpros.api.auth.verification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.auth.accounts.Account;
import com.revolutiontradingpros.api.auth.accounts.AccountRepository;
import com.revolutiontradingpros.api.auth.accounts.AuthMail;
import com.revolutiontradingpros.api.auth.accounts.SecretTokens;
import com.revolutiontradingpros.api.platform.web.ApiException;

/** Email verification links: valid 24 hours, for the address they were sent to. */
@Service
public class EmailVerifications {

    static final Duration VALID_FOR = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AuthMail mail;
    private final Clock clock;

    EmailVerifications(JdbcClient jdbc, AccountRepository accounts, AuthMail mail, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mail = mail;
        this.clock = clock;
    }

    /** Sends a fresh link to the account's current address. */
    @Transactional
    public void send(Account account) {
        String token = SecretTokens.generate();
        Instant now = Instant.now(clock);
        jdbc.sql("INSERT INTO email_verifications (user_id, email, token_hash, created_at, expires_at) "
                        + "VALUES (:user, :email, :hash, :now, :expires)")
                .param("user", account.id()).param("email", account.email()).param("hash", SecretTokens.hash(token))
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(VALID_FOR)))
                .update();
        mail.verifyEmail(account, token);
    }

    int sentInLastHour(long userId) {
        return jdbc.sql("SELECT count(*) FROM email_verifications WHERE user_id = :user AND created_at > :since")
                .param("user", userId).param("since", Timestamp.from(Instant.now(clock).minus(Duration.ofHours(1))))
                .query(Integer.class).single();
    }

    /** Verifies the address the link was sent to; using a link again for a verified address is fine. */
    @Transactional
    public void verify(String token) {
        Instant now = Instant.now(clock);
        var link = jdbc.sql("SELECT user_id, email::text AS email, expires_at, used_at FROM email_verifications WHERE token_hash = :hash")
                .param("hash", SecretTokens.hash(token))
                .query((rs, n) -> new Link(rs.getLong("user_id"), rs.getString("email"), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") != null))
                .optional()
                .orElseThrow(() -> ApiException.badRequest("token_invalid", "this verification link is not valid"));
        var account = accounts.findById(link.userId())
                .orElseThrow(() -> ApiException.badRequest("token_invalid", "this verification link is not valid"));
        if (account.emailVerifiedAt() != null && account.email().equalsIgnoreCase(link.email())) {
            return;
        }
        if (link.used() || !account.email().equalsIgnoreCase(link.email())) {
            throw ApiException.badRequest("token_invalid", "this verification link is not valid");
        }
        if (link.expiresAt().isBefore(now)) {
            throw ApiException.gone("token_expired", "this verification link has expired; ask for a new one");
        }
        accounts.markEmailVerified(account.id(), account.email(), now);
        jdbc.sql("UPDATE email_verifications SET used_at = :now WHERE token_hash = :hash")
                .param("now", Timestamp.from(now)).param("hash", SecretTokens.hash(token)).update();
    }

    private record Link(long userId, String email, Instant expiresAt, boolean used) {
    }
}
