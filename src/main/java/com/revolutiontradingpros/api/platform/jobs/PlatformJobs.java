package com.revolutiontradingpros.api.platform.jobs;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;

/** The kernel's own housekeeping: module events that were not handled are handed to their listeners again. */
@Configuration(proxyBeanMethods = false)
class PlatformJobs {

    /** Old enough that the node which published the event has given up on it (it crashed or the listener failed). */
    static final Duration RESUBMIT_AFTER = Duration.ofMinutes(2);

    @Bean
    RecurringTask<Void> resubmitIncompleteEvents(IncompleteEventPublications incomplete) {
        return Tasks.recurring("event-publications-resubmit", FixedDelay.of(Duration.ofMinutes(1)))
                .execute((instance, context) -> incomplete.resubmitIncompletePublicationsOlderThan(RESUBMIT_AFTER));
    }

    @Bean
    RecurringTask<Void> deleteCompletedEvents(CompletedEventPublications completed) {
        return Tasks.recurring("event-publications-cleanup", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> completed.deletePublicationsOlderThan(Duration.ofDays(7)));
    }
}
