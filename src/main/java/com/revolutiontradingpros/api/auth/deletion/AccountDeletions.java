package com.revolutiontradingpros.api.auth.deletion;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.auth.AccountDeleted;
import com.revolutiontradingpros.api.auth.accounts.AccountRepository;
import com.revolutiontradingpros.api.auth.accounts.AuthMail;
import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.auth.events.SecurityEvents;
import com.revolutiontradingpros.api.auth.mfa.Mfa;
import com.revolutiontradingpros.api.auth.passwords.Passwords;
import com.revolutiontradingpros.api.auth.sessions.Sessions;
import com.revolutiontradingpros.api.platform.web.ApiException;

/** A member deleting their own account: signed out everywhere now, personal data erased in 30 days. */
@Service
class AccountDeletions {

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final Passwords passwords;
    private final Mfa mfa;
    private final Sessions sessions;
    private final SecurityEvents events;
    private final AuthMail mail;
    private final ApplicationEventPublisher publisher;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> erasure;
    private final Clock clock;

    AccountDeletions(JdbcClient jdbc, AccountRepository accounts, Passwords passwords, Mfa mfa, Sessions sessions,
            SecurityEvents events, AuthMail mail, ApplicationEventPublisher publisher, SchedulerClient scheduler,
            OneTimeTask<Long> accountErasureTask, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.mfa = mfa;
        this.sessions = sessions;
        this.events = events;
        this.mail = mail;
        this.publisher = publisher;
        this.scheduler = scheduler;
        this.erasure = accountErasureTask;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = ApiException.class)
    Instant delete(long userId, String password, @Nullable String code, @Nullable String recoveryCode, ClientInfo client) {
        var account = accounts.findById(userId).filter(a -> a.active())
                .orElseThrow(() -> ApiException.notFound("user"));
        if (!passwords.matchesStored(password, account.passwordHash())) {
            throw ApiException.invalid("password", "is not your current password");
        }
        if (account.mfaEnabled() && !mfa.verifySecondFactor(userId, code, recoveryCode)) {
            throw ApiException.invalid("code", "a current code or a recovery code is required");
        }
        Instant now = Instant.now(clock);
        jdbc.sql("UPDATE users SET status = 'deleted', deleted_at = :now, updated_at = :now WHERE id = :user")
                .param("now", Timestamp.from(now)).param("user", userId).update();
        int revoked = sessions.revokeAll(userId, null, "account_deleted");
        events.record(userId, "account_deleted", client, Map.of("sessions_revoked", revoked));
        mail.accountDeleted(account);
        publisher.publishEvent(new AccountDeleted(userId));
        Instant erasureAt = now.plus(AccountErasure.AFTER).plusSeconds(60);
        scheduler.scheduleIfNotExists(erasure.instance("user-" + userId, userId), erasureAt);
        return erasureAt;
    }
}
