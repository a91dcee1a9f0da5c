package com.revolutiontradingpros.api.platform.jobs;

import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
class JobsConfig {

    private static final Logger log = LoggerFactory.getLogger(JobsConfig.class);

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, JobsProperties properties) {
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(task -> (RecurringTask<?>) task)
                .toList();
        // Recurring tasks are registered through startTasks, which also schedules their first run.
        List<Task<?>> oneOff = tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        // Transaction-aware: a job scheduled inside a transaction commits (or rolls back) with the change that asked
        // for it, so a job never runs ahead of the rows it is about.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneOff)
                .startTasks(recurring)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .build();
    }

    /** Jobs start once the application can serve, so a job never runs against a half-started context. */
    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent event) {
        var properties = event.getApplicationContext().getBean(JobsProperties.class);
        if (properties.enabled()) {
            event.getApplicationContext().getBean(Scheduler.class).start();
        } else {
            log.info("background jobs are disabled on this node (JOBS_ENABLED=false)");
        }
    }
}
