package com.revolutiontradingpros.api.content.posts;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Scheduled publishing and the trash purge run through db-scheduler, so with several nodes each due job runs on
 * exactly one of them; the publish itself also re-checks the post under a row lock.
 */
@Configuration(proxyBeanMethods = false)
class PostJobs {

    @Bean
    OneTimeTask<Long> scheduledPostPublishTask(@Lazy PostService posts) {
        return Tasks.oneTime("content-publish-post", Long.class).execute((instance, context) -> posts.publishScheduled(instance.getData()));
    }

    @Bean
    RecurringTask<Void> postTrashPurgeTask(@Lazy PostService posts) {
        return Tasks.recurring("content-purge-trashed-posts", Schedules.fixedDelay(Duration.ofHours(24)))
                .execute((instance, context) -> posts.purgeTrash());
    }
}
