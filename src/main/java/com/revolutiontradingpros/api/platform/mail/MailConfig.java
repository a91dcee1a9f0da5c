package com.revolutiontradingpros.api.platform.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailConfig {

    @Bean
    MailTransport mailTransport(MailProperties properties) {
        return switch (properties.transport()) {
            case "postmark" -> new PostmarkTransport(properties.postmark());
            case "smtp" -> new SmtpTransport(properties.smtp());
            default -> new OutboxTransport();
        };
    }

    @Bean
    MailDispatcher mailDispatcher(MailRepository repository, MailTransport transport, MailProperties properties, Clock clock) {
        return new MailDispatcher(repository, transport, properties.maxAttempts(), clock);
    }

    @Bean(destroyMethod = "close")
    ExecutorService mailSending() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    /** The safety net: whatever was not sent right after its commit (node crash, provider down) goes from here. */
    @Bean
    RecurringTask<Void> mailDispatch(MailDispatcher dispatcher) {
        return Tasks.recurring("mail-dispatch", FixedDelay.of(Duration.ofSeconds(15)))
                .execute((instance, context) -> dispatcher.dispatchDue());
    }
}
