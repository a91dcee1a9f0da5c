package com.revolutiontradingpros.api.content.media;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Variants are made by db-scheduler jobs (one per item, on whichever node picks it up); old objects are deleted later. */
@Configuration(proxyBeanMethods = false)
class MediaJobs {

    @Bean
    OneTimeTask<Long> mediaVariantsTask(@Lazy MediaVariants variants) {
        return Tasks.oneTime("content-media-variants", Long.class).execute((instance, context) -> variants.build(instance.getData()));
    }

    @Bean
    RecurringTask<Void> mediaObjectCleanupTask(MediaRepository repository, @Lazy MediaService media) {
        return Tasks.recurring("content-media-object-cleanup", Schedules.fixedDelay(Duration.ofMinutes(10)))
                .execute((instance, context) -> media.purge(repository.dueDeletions(500)));
    }
}
