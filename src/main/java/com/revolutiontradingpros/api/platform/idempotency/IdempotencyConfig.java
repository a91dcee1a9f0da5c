package com.revolutiontradingpros.api.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.revolutiontradingpros.api.platform.web.ProblemWriter;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfig {

    /** After Spring Security (-100): a revoked credential is refused before any stored response is replayed. */
    static final int ORDER = 0;

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys, ProblemWriter problems,
            Clock clock) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(keys, problems, clock));
        registration.setOrder(ORDER);
        return registration;
    }

    @Bean
    RecurringTask<Void> deleteExpiredIdempotencyKeys(IdempotencyKeys keys, Clock clock) {
        return Tasks.recurring("idempotency-keys-cleanup", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> keys.deleteExpired(Instant.now(clock)));
    }
}
