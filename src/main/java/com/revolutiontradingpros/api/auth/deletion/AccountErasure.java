package com.revolutiontradingpros.api.auth.deletion;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.auth.AccountErased;

/** Erases a deleted account's personal data once its 30 days have passed, unless it was restored or is held. */
@Service
class AccountErasure {

    static final Duration AFTER = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AccountErasure(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** True when the account was erased now. */
    @Transactional
    boolean erase(long userId) {
        int erased = jdbc.sql("""
                UPDATE users SET email = 'erased-' || id || '@erased.invalid', name = '', password_hash = NULL,
                                 email_verified_at = NULL, mfa_enabled = false, updated_at = now()
                WHERE id = :user AND status = 'deleted' AND NOT erasure_hold AND deleted_at <= now() - make_interval(days => :days)""")
                .param("user", userId).param("days", (int) AFTER.toDays()).update();
        if (erased == 0) {
            log.info("account {} is not erased: restored, held, or not yet due", userId);
            return false;
        }
        for (String table : new String[] {"mfa_secrets", "webauthn_credentials", "sessions", "personal_access_tokens",
                "email_verifications", "email_changes", "password_resets", "mfa_challenges"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE user_id = :user").param("user", userId).update();
        }
        jdbc.sql("UPDATE security_events SET ip = NULL, user_agent = NULL, details = '{}' WHERE user_id = :user")
                .param("user", userId).update();
        events.publishEvent(new AccountErased(userId));
        return true;
    }

    @Configuration(proxyBeanMethods = false)
    static class Task {
        @Bean
        OneTimeTask<Long> accountErasureTask(AccountErasure erasure) {
            return Tasks.oneTime("account-erasure", Long.class).execute((instance, context) -> erasure.erase(instance.getData()));
        }
    }
}
