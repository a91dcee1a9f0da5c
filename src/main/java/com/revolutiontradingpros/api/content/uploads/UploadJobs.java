package com.revolutiontradingpros.api.content.uploads;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UploadJobs {

    @Bean
    RecurringTask<Void> expiredUploadsTask(Uploads uploads) {
        return Tasks.recurring("content-expire-uploads", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    while (uploads.expire() == 100) {
                        // a backlog: keep going in batches of 100
                    }
                });
    }
}
