package com.revolutiontradingpros.api.content.videos;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class VideoJobs {

    @Bean
    OneTimeTask<Long> videoMetadataTask(@Lazy VideoProcessing processing) {
        return Tasks.oneTime("content-video-metadata", Long.class).execute((instance, context) -> processing.process(instance.getData()));
    }
}
