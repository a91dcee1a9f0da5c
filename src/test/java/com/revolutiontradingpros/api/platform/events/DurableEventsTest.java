package com.revolutiontradingpros.api.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.revolutiontradingpros.api.Application;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.ProbeEvents;
import com.revolutiontradingpros.api.support.TestServices;

/**
 * A module event is stored with the transaction that raised it. If the node dies after the commit and before
 * the listener finishes, the next start hands the event to the listener again.
 */
class DurableEventsTest {

    @Test
    void anEventSurvivesACrashBetweenCommitAndHandling() throws Exception {
        String database = TestServices.createDatabase("rtp_t_" + TestServices.RUN_ID + "_events");
        var properties = Map.<String, Object>of(
                "app.database.url", database,
                "app.redis.url", TestServices.REDIS_URL,
                "app.redis.key-prefix", TestServices.REDIS_PREFIX + "events:",
                "app.data-dir", Files.createTempDirectory("rtp-events").toString(),
                "server.port", "0");
        String eventId = UUID.randomUUID().toString();

        ProbeEvents.crash = new CountDownLatch(1);
        try (var first = start(properties)) {
            first.getBean(ProbeEvents.Publisher.class).publish(eventId);
            assertThat(ProbeEvents.CRASH_REACHED.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(incomplete(first)).isEqualTo(1);
        }
        ProbeEvents.crash.countDown();
        ProbeEvents.crash = null;
        assertThat(ProbeEvents.HANDLED).doesNotContain(eventId);

        try (var second = start(properties)) {
            Eventually.within(Duration.ofSeconds(15), () -> assertThat(ProbeEvents.HANDLED).containsOnlyOnce(eventId));
            Eventually.within(Duration.ofSeconds(5), () -> assertThat(incomplete(second)).isZero());
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(Application.class).run(args);
    }

    private static long incomplete(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                .query(Long.class).single();
    }
}
